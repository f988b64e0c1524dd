package io.herdgate.gateway.demo;

import io.herdgate.gateway.ingest.DownlinkSender;
import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.gateway.runtime.Gateway;
import io.herdgate.gateway.store.CollarRecord;
import io.herdgate.gateway.store.Collars;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.PairingHistory;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.HerdConfig;
import io.herdgate.sim.herd.HerdMember;
import io.herdgate.sim.herd.ManualClock;
import io.herdgate.sim.herd.SimulatedHerd;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulated herd on the gateway's radio: its collars' frames go to a running {@link Gateway} as a
 * link's would, join accepts come back as downlinks, and simulated time (the gateway's
 * {@link ManualClock}) moves in one-minute slices, each finished (frames handled, downlinks delivered,
 * due jobs run) before the next. Used from one thread.
 */
public final class SimulatedFarm implements DownlinkSender {

    private static final Duration SLICE = Duration.ofMinutes(1);

    private final SimulatedHerd herd;
    private final ManualClock clock;
    private final AtomicReference<Gateway> gateway = new AtomicReference<>();
    /** Gateway clock minus herd time: non-zero after {@link #stepGatewayClock}. */
    private volatile Duration clockOffset = Duration.ZERO;

    private SimulatedFarm(HerdConfig config, ManualClock clock) {
        this.clock = clock;
        this.herd = SimulatedHerd.of(config, frame -> {
            Instant now = gatewayTime();
            clock.set(now);
            Gateway g = gateway.get();
            g.submit(InboundFrame.of(frame, now));
            if (isJoinRequest(frame)) {
                // On air the accept comes back within a second; without waiting, the collar would back off
                // and ask again with a new nonce.
                g.awaitIngest();
            }
        });
    }

    /** A herd whose collars switch on at {@code config.start()}; {@code clock} is set to it. */
    public static SimulatedFarm of(HerdConfig config, ManualClock clock) {
        clock.set(config.start());
        return new SimulatedFarm(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"));
    }

    private static boolean isJoinRequest(byte[] frame) {
        return FrameParser.check(frame, 0, frame.length).isEmpty()
                && FrameParser.header(frame, 0).type() == MessageType.JOIN_REQUEST;
    }

    public SimulatedHerd herd() {
        return herd;
    }

    /** The cow a simulated collar is on: her number as text. */
    public static CowId cowOf(HerdMember m) {
        return CowId.of(String.valueOf(m.cow().number()));
    }

    /** Registers every collar with its root key and pairs it to its cow, as an installer would. */
    public void register(Database db) {
        Collars collars = Collars.of(db);
        PairingHistory pairings = PairingHistory.of(db);
        for (HerdMember m : herd.members()) {
            CollarEui eui = m.identity().eui();
            collars.save(CollarRecord.of(eui, m.identity().rootKey()));
            pairings.pair(eui, cowOf(m), herd.config().start());
        }
    }

    /** From now on frames go to {@code g}. */
    public void attach(Gateway g) {
        gateway.set(Objects.requireNonNull(g, "gateway"));
    }

    @Override
    public void send(CollarEui eui, byte[] frame) {
        herd.receive(frame);
    }

    /**
     * Steps the gateway's wall clock by {@code d} (as NTP does on a Pi without RTC) while the herd's time,
     * the monotonic truth, goes on: frames are dated by the stepped clock from now on.
     */
    public void stepGatewayClock(Duration d) {
        clockOffset = clockOffset.plus(d);
        clock.set(gatewayTime());
    }

    /** The herd's time on the gateway's (possibly stepped) clock. */
    private Instant gatewayTime() {
        return herd.now().plus(clockOffset);
    }

    /** Runs the herd and the gateway to {@code to} (herd time), a minute at a time. */
    public void advanceTo(Instant to) {
        Gateway g = Objects.requireNonNull(gateway.get(), "attach a gateway first");
        for (Instant t = herd.now(); t.isBefore(to); ) {
            t = t.plus(SLICE).isAfter(to) ? to : t.plus(SLICE);
            herd.advanceTo(t);
            g.awaitIngest();
            clock.set(t.plus(clockOffset));
            g.runSchedule();
        }
    }
}
