package io.herdgate.gateway.link;

import static org.junit.jupiter.api.Assertions.fail;

import io.herdgate.gateway.ingest.CollarDirectory;
import io.herdgate.gateway.ingest.FramePipeline;
import io.herdgate.gateway.ingest.IngestResult;
import io.herdgate.gateway.ingest.Pairing;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.join.JoinServer;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.session.CounterStore;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.collar.SimulatedCollar;
import io.herdgate.sim.collar.Transport;
import io.herdgate.sim.herd.HerdConfig;
import io.herdgate.sim.herd.HerdMember;
import io.herdgate.sim.herd.SimulatedHerd;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A simulated herd on one side, the gateway's ingest (pipeline, downlinks, hand-off) on the other; the
 * test puts real links in between. Counts what the herd sent and what the pipeline made of it.
 */
final class HerdHarness implements AutoCloseable {

    final SimulatedHerd herd;
    final FramePipeline pipeline;
    final Downlinks downlinks = Downlinks.create();
    final Ingest ingest;
    private final AtomicReference<Transport> radio = new AtomicReference<>();
    private final List<byte[]> sent = Collections.synchronizedList(new ArrayList<>());
    /** Collars that asked to join and have not been seen joined since. */
    private final Set<CollarEui> askedToJoin = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong trusted = new AtomicLong();
    private volatile long ingestDelayMs;
    private final AtomicLong duplicates = new AtomicLong();
    private final Map<RejectReason, Long> dropped = Collections.synchronizedMap(new EnumMap<>(RejectReason.class));

    private HerdHarness(int cows, long seed, CounterStore counters, int capacity) {
        herd = SimulatedHerd.of(HerdConfig.of(cows, seed, Instant.now(), Duration.ofDays(1)), frame -> {
            sent.add(frame);
            if (FrameParser.header(frame, 0).type() == MessageType.JOIN_REQUEST) {
                askedToJoin.add(CollarEui.of(FrameParser.euiValue(frame, 0)));
            }
            radio.get().send(frame);
        });
        CollarDirectory directory = CollarDirectory.of(herd.members().stream().map(HerdHarness::pairing).toList());
        pipeline = FramePipeline.builder(directory,
                        JoinServer.of(0x00_4E_45, directory, counters, Clock.systemUTC(), new SplittableRandom(seed)),
                        counters)
                .downlinks(downlinks).build();
        ingest = Ingest.start(pipeline, downlinks, capacity, (link, r) -> count(r));
    }

    static HerdHarness of(int cows, long seed) {
        return new HerdHarness(cows, seed, InMemoryCounterStore.create(), Ingest.DEFAULT_CAPACITY);
    }

    static HerdHarness of(int cows, long seed, CounterStore counters, int capacity) {
        return new HerdHarness(cows, seed, counters, capacity);
    }

    /** Where the herd's uplinks go; set before the herd runs. */
    void radio(Transport t) {
        radio.set(t);
    }

    /**
     * Runs the herd in 1-s steps until every collar has joined. After each step it waits (up to 10 s of
     * wall time) until the gateway has handled every frame and each collar that asked to join has its
     * join accept, so no collar asks again while its accept is still travelling, however slow the machine.
     */
    void joinAll(Duration wallPerStep, Runnable afterStep) {
        for (int s = 0; s < 300; s++) {
            if (herd.members().stream().allMatch(m -> m.collar().state() == SimulatedCollar.State.JOINED)) {
                return;
            }
            herd.advanceTo(herd.now().plusSeconds(1));
            afterStep.run();
            settleJoins(afterStep);
            sleep(wallPerStep.toMillis());
        }
        fail("collars not joined after 300 s of herd time; " + summary());
    }

    private void settleJoins(Runnable afterStep) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (ingest.stats().handled() >= sent.size()) {
                herd.advanceTo(herd.now()); // hands over the downlinks that have arrived, no time passes
                herd.members().stream().filter(m -> m.collar().state() == SimulatedCollar.State.JOINED)
                        .forEach(m -> askedToJoin.remove(m.identity().eui()));
                if (askedToJoin.isEmpty()) {
                    return;
                }
            }
            afterStep.run();
            sleep(5);
        }
        fail("join accepts did not reach their collars within 10 s; " + summary());
    }

    /** Runs the herd for {@code span} of herd time in 1-s steps, calling {@code afterStep} after each. */
    void run(Duration span, Runnable afterStep) {
        Instant end = herd.now().plus(span);
        while (herd.now().isBefore(end)) {
            herd.advanceTo(herd.now().plusSeconds(1));
            afterStep.run();
        }
    }

    int sent() {
        return sent.size();
    }

    /** The frames the herd sent so far, in order. */
    List<byte[]> sentFrames() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    long accepted() {
        return accepted.get();
    }

    /** JSON uplinks used. */
    long trusted() {
        return trusted.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    Map<RejectReason, Long> dropped() {
        synchronized (dropped) {
            return Map.copyOf(dropped);
        }
    }

    /** Waits until every frame sent has been accepted (fresh frames and joins), or fails saying where it stands. */
    void awaitAllAccepted(Duration timeout) {
        await(() -> accepted.get() >= sent.size(), timeout, "not every frame accepted");
    }

    String summary() {
        return "sent " + sent.size() + ", accepted " + accepted.get() + ", duplicates " + duplicates.get()
                + ", dropped " + dropped() + ", ingest " + ingest.stats();
    }

    void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + " within " + timeout + ": " + summary());
            }
            sleep(20);
        }
    }

    @Override
    public void close() {
        ingest.close();
    }

    /** Makes the ingest thread slow (per frame), to fill the hand-off. */
    void slowIngest(long millisPerFrame) {
        ingestDelayMs = millisPerFrame;
    }

    private void count(IngestResult r) {
        if (ingestDelayMs > 0) {
            sleep(ingestDelayMs);
        }
        if (r instanceof IngestResult.Trusted) {
            trusted.incrementAndGet();
        } else if (r instanceof IngestResult.Accepted || r instanceof IngestResult.Joined) {
            accepted.incrementAndGet();
        } else if (r instanceof IngestResult.Duplicate) {
            duplicates.incrementAndGet();
        } else if (r instanceof IngestResult.Dropped d) {
            dropped.merge(d.reason(), 1L, Long::sum);
        }
    }

    private static Pairing pairing(HerdMember m) {
        return Pairing.of(m.identity().eui(), m.identity().rootKey(), CowId.of(String.valueOf(m.cow().number())));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
