package io.herdgate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.join.JoinServer;
import io.herdgate.protocol.message.ResetCause;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import io.herdgate.sim.collar.CollarIdentity;
import io.herdgate.sim.collar.SimulatedCollar;
import io.herdgate.sim.motion.CowMotion;
import io.herdgate.sim.motion.CowTraits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FramePipelineTest {

    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    private static final CollarEui EUI = CollarEui.parse("70B3D5499A000001");
    private static final AesKey ROOT = AesKey.ofHex("2B7E151628AED2A6ABF7158809CF4F3C");
    private static final CowId COW = CowId.of("17");

    private final List<byte[]> uplinks = new ArrayList<>();
    private final List<byte[]> downlinks = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();
    private final List<IngestResult> results = new ArrayList<>();

    private FramePipeline pipeline(List<Pairing> pairings) {
        CollarDirectory directory = CollarDirectory.of(pairings);
        InMemoryCounterStore counters = InMemoryCounterStore.create(); // shared, as in the gateway: a join resets them
        return FramePipeline.builder(directory,
                        JoinServer.of(0x484700, directory, counters, Clock.fixed(T0, ZoneOffset.UTC), new SplittableRandom(1)),
                        counters)
                .downlinks((eui, frame) -> downlinks.add(frame))
                .observations(observations::add)
                .build();
    }

    private SimulatedCollar collar() {
        CowMotion cow = CowMotion.of(CowTraits.random(3), T0, ZoneOffset.UTC, List.of());
        return SimulatedCollar.builder(CollarIdentity.of(EUI, ROOT), cow, InMemoryCounterStore.create(), uplinks::add)
                .build();
    }

    /** Runs collar and pipeline together in 1-s steps, the pipeline's answers going back to the collar. */
    private void run(SimulatedCollar c, FramePipeline p, Duration d) {
        Instant end = c.now().plus(d);
        while (c.now().isBefore(end)) {
            c.advanceTo(c.now().plusSeconds(1));
            for (byte[] f : List.copyOf(uplinks)) {
                results.add(p.accept(InboundFrame.of(f, c.now())));
            }
            uplinks.clear();
            downlinks.forEach(c::receive);
            downlinks.clear();
        }
    }

    @Test
    void pairedCollar_joinsAndStreams_andEveryMinuteBecomesOneObservation() {
        FramePipeline p = pipeline(List.of(Pairing.of(EUI, ROOT, COW)));
        SimulatedCollar c = collar();

        run(c, p, Duration.ofMinutes(12));

        assertEquals(SimulatedCollar.State.JOINED, c.state());
        assertInstanceOf(IngestResult.Joined.class, results.get(0));
        assertEquals(0, p.rejections().total(), "rejected: " + p.rejections().snapshot());
        assertTrue(p.accepted() > 100, "frames accepted " + p.accepted());
        assertTrue(observations.size() >= 10 && observations.size() <= 12, "minutes " + observations.size());
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            assertEquals(COW, o.cow());
            assertEquals(Duration.ofMinutes(1), o.length());
            assertTrue(o.activity() > 0, "a live cow moves: " + o);
            if (i > 0) {
                assertEquals(observations.get(i - 1).end(), o.start(), "minutes follow each other without a gap");
            }
        }
        assertTrue(observations.stream().allMatch(o -> o.batteryMv() > 3000), "battery from the status frame");
    }

    @Test
    void framesDelayedBySecondsOfVaryingQueueing_stillGiveEveryMinute_backToBack() {
        FramePipeline p = pipeline(List.of(Pairing.of(EUI, ROOT, COW)));
        SimulatedCollar c = collar();
        run(c, p, Duration.ofSeconds(30)); // joined and streaming
        observations.clear();
        SplittableRandom queueing = new SplittableRandom(5);
        Instant start = c.now();
        while (c.now().isBefore(start.plus(Duration.ofMinutes(12)))) {
            c.advanceTo(c.now().plusSeconds(1));
            for (byte[] f : List.copyOf(uplinks)) { // in order, each 0..15 s late: a busy broker and ingest
                p.accept(InboundFrame.of(f, c.now().plusMillis(queueing.nextLong(15_000))));
            }
            uplinks.clear();
        }

        assertTrue(observations.size() >= 11, "minutes " + observations.size());
        for (int i = 1; i < observations.size(); i++) {
            assertEquals(observations.get(i - 1).end(), observations.get(i).start(), "minute " + i);
        }
        assertEquals(1L, p.sampleStreams().get("first"), "one stream: " + p.sampleStreams());
    }

    @Test
    void collarRestart_startsANewStream_thatNeverOverlapsTheOldOne() {
        FramePipeline p = pipeline(List.of(Pairing.of(EUI, ROOT, COW)));
        SimulatedCollar c = collar();
        run(c, p, Duration.ofMinutes(3));
        c.restart(ResetCause.WATCHDOG);
        run(c, p, Duration.ofMinutes(3));

        assertEquals(1L, p.sampleStreams().get("new_session"), p.sampleStreams().toString());
        assertEquals(0L, p.sampleStreams().get("lost_frame"), p.sampleStreams().toString());
        for (int i = 1; i < observations.size(); i++) {
            assertTrue(!observations.get(i).start().isBefore(observations.get(i - 1).end()), "minute " + i);
        }
        assertTrue(observations.size() >= 4, "minutes " + observations.size());
    }

    @Test
    void repeatedFrame_isADuplicate_andAnOlderOneIsDroppedAsReplayed() {
        FramePipeline p = pipeline(List.of(Pairing.of(EUI, ROOT, COW)));
        SimulatedCollar c = collar();
        List<byte[]> seen = new ArrayList<>();
        run(c, p, Duration.ofMinutes(1));
        c.advanceTo(c.now().plusSeconds(30));
        seen.addAll(uplinks);
        uplinks.clear();
        for (byte[] f : seen) {
            p.accept(InboundFrame.of(f, c.now()));
        }
        byte[] last = seen.get(seen.size() - 1);
        byte[] older = seen.get(0);

        IngestResult again = p.accept(InboundFrame.of(last.clone(), c.now()));
        IngestResult old = p.accept(InboundFrame.of(older.clone(), c.now()));

        assertInstanceOf(IngestResult.Duplicate.class, again);
        assertEquals(RejectReason.REPLAYED, assertInstanceOf(IngestResult.Dropped.class, old).reason());
        assertEquals(1, p.rejections().count(RejectReason.REPLAYED));
    }

    @Test
    void tamperedFrame_isDroppedForItsMic_andTheStreamGoesOn() {
        FramePipeline p = pipeline(List.of(Pairing.of(EUI, ROOT, COW)));
        SimulatedCollar c = collar();
        run(c, p, Duration.ofMinutes(1));
        c.advanceTo(c.now().plusSeconds(20));
        List<byte[]> next = List.copyOf(uplinks);
        uplinks.clear();
        byte[] tampered = next.get(0).clone();
        tampered[tampered.length - 6] ^= 0x01; // a payload byte

        IngestResult bad = p.accept(InboundFrame.of(tampered, c.now()));
        IngestResult good = p.accept(InboundFrame.of(next.get(0), c.now()));

        assertEquals(RejectReason.BAD_MIC, assertInstanceOf(IngestResult.Dropped.class, bad).reason());
        assertInstanceOf(IngestResult.Accepted.class, good);
    }

    @Test
    void unpairedCollar_cannotJoin_andItsFramesAreCountedAsUnknown() {
        FramePipeline p = pipeline(List.of());
        SimulatedCollar c = collar();

        run(c, p, Duration.ofSeconds(40));

        assertEquals(SimulatedCollar.State.JOINING, c.state());
        assertTrue(results.stream().allMatch(r -> r instanceof IngestResult.Dropped d
                && d.reason() == RejectReason.UNKNOWN_COLLAR), results.toString());
        assertTrue(p.rejections().count(RejectReason.UNKNOWN_COLLAR) >= 1);
        assertEquals(0, p.joinedCollars());
    }

    @Test
    void garbage_isDroppedWithItsReason_neverThrown() {
        FramePipeline p = pipeline(List.of(Pairing.of(EUI, ROOT, COW)));

        IngestResult r = p.accept(InboundFrame.of(new byte[] {0x10, 0x01, 0x00}, T0));

        assertEquals(RejectReason.TRUNCATED, assertInstanceOf(IngestResult.Dropped.class, r).reason());
    }
}
