package io.herdgate.sim.herd;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.sim.collar.Battery;
import io.herdgate.sim.collar.CollarIdentity;
import io.herdgate.sim.collar.SimulatedCollar;
import io.herdgate.sim.collar.Transport;
import io.herdgate.sim.event.Episode;
import io.herdgate.sim.motion.CowMotion;
import io.herdgate.sim.motion.CowTraits;
import io.herdgate.sim.motion.Rng;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N seeded cows with collars and their event schedule, advanced together in simulated time. Cow
 * {@code n} wears the collar with EUI {@code 70B3D5499A000000 + n} and a root key drawn from the seed
 * (simulation keys: anyone with the seed has them). Uplinks go to the {@link Transport} in time order
 * (1-s steps, cows in number order within a step); downlinks come in through {@link #receive} from any
 * thread and reach their collar at the start of the next step, unless its radio is down.
 *
 * <p>{@link #advanceTo} must be called from one thread.
 */
public final class SimulatedHerd {

    /** EUI of cow 0; cow n has this plus n. */
    public static final long EUI_BASE = 0x70B3D5499A000000L;
    private static final Duration STEP = Duration.ofSeconds(1);

    private final HerdConfig config;
    private final EventSchedule schedule;
    private final List<HerdMember> members;
    private final Map<CollarEui, SimulatedCollar> byEui = new HashMap<>();
    private final ConcurrentLinkedQueue<byte[]> downlinks = new ConcurrentLinkedQueue<>();
    private final AtomicLong undeliverable = new AtomicLong();
    private Instant now;

    private SimulatedHerd(HerdConfig config, Transport transport) {
        this.config = config;
        this.schedule = EventSchedule.of(config);
        this.now = config.start();
        InMemoryCounterStore flash = InMemoryCounterStore.create(); // every collar's own flash, keyed by EUI
        List<HerdMember> list = new ArrayList<>(config.size());
        for (int n = 1; n <= config.size(); n++) {
            CowId cow = CowId.of(n);
            long cowSeed = Rng.derive(config.seed(), n);
            CollarIdentity id = CollarIdentity.of(CollarEui.of(EUI_BASE + n), rootKey(cowSeed));
            List<Episode> episodes = schedule.episodes(cow);
            CowMotion motion = CowMotion.of(CowTraits.random(cowSeed), config.start(), config.zone(), episodes);
            SimulatedCollar collar = SimulatedCollar.builder(id, motion, flash, transport)
                    .episodes(episodes)
                    .battery(schedule.agedBattery(cow) ? Battery.aged() : Battery.fresh())
                    .weather(config.weather())
                    .bufferFrames(config.bufferFrames())
                    .encrypt(config.encrypt())
                    .build();
            list.add(HerdMember.of(cow, id, collar));
            byEui.put(id.eui(), collar);
        }
        this.members = List.copyOf(list);
    }

    /** Builds the herd; its collars switch on at {@code config.start()}. */
    public static SimulatedHerd of(HerdConfig config, Transport transport) {
        return new SimulatedHerd(config, transport);
    }

    public HerdConfig config() {
        return config;
    }

    /** Cows in number order. */
    public List<HerdMember> members() {
        return members;
    }

    /** The member for a cow number, empty if the herd has no such cow. */
    public Optional<HerdMember> member(CowId cow) {
        int i = cow.number() - 1;
        return i < members.size() ? Optional.of(members.get(i)) : Optional.empty();
    }

    /** The events of this run. */
    public EventSchedule schedule() {
        return schedule;
    }

    /** Simulated time the herd has reached. */
    public Instant now() {
        return now;
    }

    /** Downlinks that named no collar of this herd, were too short to carry an address, or met radio loss. */
    public long undeliverable() {
        return undeliverable.get();
    }

    /** A downlink frame from the gateway; thread-safe, delivered at the start of the next step. */
    public void receive(byte[] frame) {
        downlinks.add(frame.clone());
    }

    /** Runs every collar to {@code t} (no-op if {@code t} is not after {@link #now}). */
    public void advanceTo(Instant t) {
        while (now.isBefore(t)) {
            deliverDownlinks();
            Instant next = now.plus(STEP);
            if (next.isAfter(t)) {
                next = t;
            }
            for (HerdMember m : members) {
                m.collar().advanceTo(next);
            }
            now = next;
        }
        deliverDownlinks();
    }

    private void deliverDownlinks() {
        byte[] frame;
        while ((frame = downlinks.poll()) != null) {
            SimulatedCollar c = frame.length >= FrameLayout.MIN_FRAME
                    ? byEui.get(CollarEui.of(FrameParser.euiValue(frame, 0))) : null;
            if (c == null || !c.linkUp()) {
                undeliverable.incrementAndGet();
                continue;
            }
            c.receive(frame);
        }
    }

    private static AesKey rootKey(long cowSeed) {
        Rng r = Rng.of(Rng.derive(cowSeed, 11));
        byte[] k = new byte[16];
        for (int i = 0; i < 16; i += 8) {
            long v = r.nextLong();
            for (int j = 0; j < 8; j++) {
                k[i + j] = (byte) (v >>> (8 * j));
            }
        }
        return AesKey.of(k);
    }
}
