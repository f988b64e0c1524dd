package io.herdgate.sim.collar;

import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.Freshness;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.frame.Rejected;
import io.herdgate.protocol.join.CollarJoin;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.Ack;
import io.herdgate.protocol.message.ActivitySummary;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.CollarStatus;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.ResetCause;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.message.TimeSync;
import io.herdgate.protocol.message.Uplink;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.protocol.session.CounterStore;
import io.herdgate.sim.event.Episode;
import io.herdgate.sim.event.RadioLoss;
import io.herdgate.sim.motion.Behaviour;
import io.herdgate.sim.motion.Bout;
import io.herdgate.sim.motion.CowMotion;
import io.herdgate.sim.motion.Rng;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A collar on a simulated cow, speaking the real protocol in simulated time.
 *
 * <p>Life cycle: it starts {@link State#JOINING}, sending join requests (a fresh collar nonce each, from
 * the {@link CounterStore}) with back-off until a join accept arrives through {@link #receive}; then it is
 * {@link State#JOINED}: it samples at the configured rate and range and sends sample batches, activity
 * summaries (when configured), status frames and on-collar events (IMPACT, FREE_FALL, COLLAR_REMOVED;
 * these ask for an ack and are sent again up to three times, 30 s, 60 s, 120 s apart, as new frames until
 * one comes). It
 * applies config and time-sync downlinks, drops acked events, and hands firmware commands to its
 * {@link FirmwareAgent}. During radio loss it buffers up to {@code bufferFrames} uplinks and drops the
 * oldest beyond that, counting them. When the battery falls below {@link Battery#CUTOFF_MV} under load it
 * is {@link State#DEAD} and silent.
 *
 * <p>Persistence and restarts: the collar itself keeps nothing across a {@link #restart}; the only
 * non-volatile memory is the {@link CounterStore} given to it (the collar's flash). Session keys are in
 * RAM, so after a restart the collar joins again; the join nonce continues from the store, so a nonce is
 * never reused, and the frame counters start at 0 under the new session keys (the join clears them),
 * which the gateway expects after a join. Buffered frames and counts since the reset are lost.
 *
 * <p>Time only moves in {@link #advanceTo}; nothing reads the wall clock. Not thread-safe.
 */
public final class SimulatedCollar {

    /** Where the collar is in its life. */
    public enum State { JOINING, JOINED, DEAD }

    private static final Duration FIRST_JOIN_BACKOFF = Duration.ofSeconds(10);
    private static final Duration MAX_JOIN_BACKOFF = Duration.ofMinutes(15);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_EVENT_SENDS = 4;

    private final CollarIdentity identity;
    private final CowMotion motion;
    private final CounterStore store;
    private final Battery battery;
    private final Weather weather;
    private final List<Episode> radioLosses;
    private final FirmwareAgent firmware;
    private final Transport transport;
    private final boolean encrypt;
    private final Rng rng;
    private final double driftPpm;

    private final OnCollarSignal signal = new OnCollarSignal();
    private final Outbox outbox;
    private final Map<Long, Awaiting> awaitingAck = new LinkedHashMap<>();
    private final List<Detection> detections = new ArrayList<>();

    private State state = State.JOINING;
    private CollarConfig config = CollarConfig.defaults();
    private double rateHz;
    private Instant anchor;       // time of sample 0 at the current rate
    private long sampleIndex;     // samples rendered since the anchor
    private Instant now;
    private Instant bootTime;
    private ResetCause resetCause = ResetCause.POWER_ON;

    private CollarJoin join;
    private CollarSession session;
    private Instant nextJoinAt;
    private Duration joinBackoff = FIRST_JOIN_BACKOFF;

    private float[] scratch = new float[0];
    private short[] counts = new short[0];
    private short[] batch = new short[0];
    private int batchCount;
    private int batchTarget; // samples per batch at the current rate
    private Instant batchStart;

    private Instant nextStatusAt;
    private Instant intervalStart;
    private double lyingS;
    private double ruminationS;
    private int lyingBouts;
    private boolean wasLying;

    private long framesSent;
    private Optional<Instant> collarClockBase = Optional.empty(); // collar clock at clockSetAt
    private Instant clockSetAt;

    private SimulatedCollar(Builder b) {
        this.identity = b.identity;
        this.motion = b.motion;
        this.store = b.store;
        this.battery = b.battery;
        this.weather = b.weather;
        this.radioLosses = b.episodes.stream().filter(e -> e instanceof RadioLoss).toList();
        this.firmware = b.firmware;
        this.transport = b.transport;
        this.encrypt = b.encrypt;
        this.outbox = new Outbox(b.bufferFrames);
        this.rng = Rng.of(Rng.derive(b.identity.eui().value(), 5));
        this.driftPpm = rng.uniform(-20, 20);
        this.now = motion.now();
        boot(ResetCause.POWER_ON);
        // collars switched on together must not all call at once
        this.nextJoinAt = now.plusMillis((long) rng.uniform(0, 30_000));
    }

    /** Starts building a collar worn by the cow whose stream {@code motion} renders. */
    public static Builder builder(CollarIdentity identity, CowMotion motion, CounterStore store, Transport transport) {
        return new Builder(identity, motion, store, transport);
    }

    public CollarEui eui() {
        return identity.eui();
    }

    public State state() {
        return state;
    }

    /** Simulated time of the collar's next sample. */
    public Instant now() {
        return now;
    }

    /** The configuration in force. */
    public CollarConfig config() {
        return config;
    }

    public Battery battery() {
        return battery;
    }

    /** Uplinks waiting in the radio-loss buffer. */
    public int buffered() {
        return outbox.size();
    }

    /** Frames dropped from the buffer since the last reset. */
    public long framesDropped() {
        return outbox.dropped();
    }

    /** Uplink transmissions since the last reset (repeats included). */
    public long framesSent() {
        return framesSent;
    }

    /** The collar's own clock (set by join accept and time sync, drifting ±20 ppm), empty before it is set. */
    public Optional<Instant> collarClock() {
        return collarClockBase.map(base -> {
            long elapsedNs = Duration.between(clockSetAt, now).toNanos();
            return base.plusNanos(elapsedNs + Math.round(elapsedNs * driftPpm * 1e-6));
        });
    }

    /** True when the radio reaches the gateway at the collar's current time. */
    public boolean linkUp() {
        for (Episode e : radioLosses) {
            if (e.activeAt(now)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lives until {@code t}: renders the cow's samples, runs the on-collar firmware and sends what falls
     * due. Time resolution of sends is one second of samples.
     */
    public void advanceTo(Instant t) {
        while (now.isBefore(t)) {
            service();
            if (state == State.DEAD) {
                motion.skipTo(t);
                now = t;
                return;
            }
            int n = (int) Math.max(1, Math.min(samplesUntil(t), Math.ceil(rateHz)));
            Bout bout = motion.bout();
            long untilBoutEnd = samplesUntil(bout.end());
            n = (int) Math.max(1, Math.min(n, untilBoutEnd));
            if (state == State.JOINED && batchTarget > 0) {
                n = Math.min(n, batchTarget - batchCount);
            }
            render(n, bout);
        }
        service();
    }

    /**
     * A downlink frame reaches the collar at its current time (the caller drops downlinks during radio
     * loss, see {@link #linkUp}). Returns what the collar's decoder made of it: the join accept while
     * joining, session frames once joined; a dead collar rejects everything.
     */
    public DecodeResult receive(byte[] frame) {
        if (state == State.JOINING) {
            DecodeResult r = join.decodeAccept(frame, 0, frame.length);
            if (r instanceof Decoded d && d.message() instanceof JoinAccept accept) {
                session = CollarSession.collarSide(eui(), join.sessionKeys(accept), store);
                state = State.JOINED;
                setClock(Instant.ofEpochSecond(accept.gatewayTimeS()));
                apply(accept.config());
                nextStatusAt = now;
            }
            return r;
        }
        if (state == State.DEAD) {
            return Rejected.of(RejectReason.UNKNOWN_COLLAR, "collar " + eui() + " is dead (battery empty)", eui(), 0);
        }
        DecodeResult r = session.decode(frame, 0, frame.length);
        if (r instanceof Decoded d && d.freshness() == Freshness.FRESH) {
            handle(d.message());
        }
        return r;
    }

    /**
     * Resets the MCU: RAM is lost (session keys, buffer, counts since the reset), the collar joins again.
     * A collar with an empty battery stays dead.
     */
    public void restart(ResetCause cause) {
        firmware.reset();
        boot(cause);
        nextJoinAt = now;
    }

    private void boot(ResetCause cause) {
        resetCause = cause;
        bootTime = now;
        state = battery.empty(temperatureC()) ? State.DEAD : State.JOINING;
        join = CollarJoin.of(identity.eui(), identity.rootKey(), store);
        session = null;
        joinBackoff = FIRST_JOIN_BACKOFF;
        outbox.clear();
        awaitingAck.clear();
        detections.clear();
        framesSent = 0;
        collarClockBase = Optional.empty();
        apply(CollarConfig.defaults());
    }

    private void handle(Message m) {
        if (m instanceof CollarConfig c) {
            apply(c);
        } else if (m instanceof TimeSync ts) {
            setClock(Instant.ofEpochMilli(ts.gatewayTimeMs()));
        } else if (m instanceof Ack a) {
            awaitingAck.remove(a.ackedCounter());
        } else if (m instanceof FirmwareCommand cmd) {
            FirmwareAgent.Response r = firmware.handle(cmd, now);
            for (FirmwareReply reply : r.replies()) {
                queue(reply, now, false);
            }
            if (r.rebooted()) {
                boot(ResetCause.FIRMWARE_UPDATE); // the bootloader already ran inside the agent
                nextJoinAt = now;
            }
        }
    }

    private void setClock(Instant gatewayTime) {
        collarClockBase = Optional.of(gatewayTime);
        clockSetAt = now;
    }

    private void apply(CollarConfig c) {
        flushBatch();
        config = c;
        rateHz = c.sampleRateCentiHz() / 100.0;
        anchor = now;
        sampleIndex = 0;
        signal.configure(c);
        signal.takeActivity();
        signal.takeSteps();
        int perSecond = (int) Math.ceil(rateHz);
        if (scratch.length < 3 * perSecond) {
            scratch = new float[3 * perSecond];
            counts = new short[3 * perSecond];
        }
        batchTarget = (int) Math.round(c.batchSeconds() * rateHz);
        if (batch.length < 3 * batchTarget) {
            batch = new short[3 * batchTarget];
        }
        batchCount = 0;
        intervalStart = now;
        lyingS = 0;
        ruminationS = 0;
        lyingBouts = 0;
        if (state == State.JOINED) {
            nextStatusAt = now.plusSeconds(c.statusIntervalS());
        }
    }

    private void render(int n, Bout bout) {
        motion.fill(scratch, 0, n, rateHz);
        double perCount = config.range().milliGPerCount();
        for (int i = 0; i < 3 * n; i++) {
            long c = Math.round(scratch[i] * 1000 / perCount);
            counts[i] = (short) Math.max(SampleBatch.MIN_COUNT, Math.min(SampleBatch.MAX_COUNT, c));
        }
        Instant t0 = now;
        signal.process(counts, n, t0, detections::add);
        double seconds = n / rateHz;
        Behaviour b = bout.behaviour();
        boolean lying = b.isLying() && !bout.detached();
        if (lying) {
            lyingS += seconds;
            if (!wasLying) {
                lyingBouts++;
            }
        }
        wasLying = lying;
        if (b == Behaviour.RUMINATING && !bout.detached()) {
            ruminationS += seconds;
        }
        if (state == State.JOINED && config.batchSeconds() > 0) {
            if (batchCount == 0) {
                batchStart = t0;
            }
            System.arraycopy(counts, 0, batch, 3 * batchCount, 3 * n);
            batchCount += n;
            if (batchCount >= batchTarget) {
                flushBatch();
            }
        }
        battery.run(seconds, temperatureC());
        sampleIndex += n;
        now = anchor.plusNanos(Math.round(sampleIndex * 1e9 / rateHz));
    }

    /** Queues the samples gathered so far as one or more sample-batch frames. */
    private void flushBatch() {
        if (state != State.JOINED || batchCount == 0) {
            batchCount = 0;
            return;
        }
        int rateCentiHz = config.sampleRateCentiHz();
        AccelRange range = config.range();
        // split evenly into as few frames as the payload limit allows
        int frames = (batchCount + SampleBatch.MAX_SAMPLES - 1) / SampleBatch.MAX_SAMPLES;
        int first = 0;
        for (int f = 0; f < frames; f++) {
            int k = (batchCount - first) / (frames - f);
            short[] xyz = Arrays.copyOfRange(batch, 3 * first, 3 * (first + k));
            Instant firstTime = batchStart.plusNanos(Math.round(first * 1e9 / rateHz));
            queue(SampleBatch.of(0, rateCentiHz, range, xyz), firstTime, false);
            first += k;
        }
        batchCount = 0;
    }

    /** Sends what is due: join request, events, status, summaries, buffered frames and event repeats. */
    private void service() {
        if (state == State.DEAD) {
            return;
        }
        if (battery.empty(temperatureC())) {
            state = State.DEAD;
            return;
        }
        if (state == State.JOINING) {
            detections.clear();
            if (!now.isBefore(nextJoinAt)) {
                byte[] frame = join.request(firmware.running());
                transmit(frame);
                nextJoinAt = now.plus(joinBackoff).plusMillis((long) rng.uniform(0, 5_000));
                joinBackoff = joinBackoff.multipliedBy(2).compareTo(MAX_JOIN_BACKOFF) > 0 ? MAX_JOIN_BACKOFF
                        : joinBackoff.multipliedBy(2);
            }
            return;
        }
        for (Detection d : detections) {
            queue(d.toEvent(), d.at(), true);
        }
        detections.clear();
        if (!now.isBefore(nextStatusAt)) {
            queue(CollarStatus.of(battery.voltageMv(temperatureC()), (int) Math.round(temperatureC() * 10),
                    firmware.running(), Math.min(0xFFFF_FFFFL, Duration.between(bootTime, now).toSeconds()),
                    resetCause, Math.min(0xFFFF_FFFFL, framesSent), Math.min(0xFFFF_FFFFL, framesDropped())),
                    now, false);
            nextStatusAt = now.plusSeconds(config.statusIntervalS());
        }
        if (config.summaryIntervalS() > 0
                && !now.isBefore(intervalStart.plusSeconds(config.summaryIntervalS()))) {
            queue(ActivitySummary.of(0, config.summaryIntervalS(), List.of(ActivitySummary.Interval.of(
                    signal.takeActivity(), signal.takeSteps(), clamp(lyingS), clamp(ruminationS),
                    Math.min(0xFFFF, lyingBouts)))), now, false);
            intervalStart = now;
            lyingS = 0;
            ruminationS = 0;
            lyingBouts = 0;
        }
        if (linkUp()) {
            outbox.drain(this::send);
            repeatUnacked();
        }
    }

    private void queue(Uplink message, Instant reference, boolean ack) {
        Outbox.Entry e = new Outbox.Entry(message, reference, ack);
        if (linkUp() && outbox.size() == 0) {
            send(e);
        } else {
            outbox.add(e);
        }
    }

    private void send(Outbox.Entry e) {
        send(e, 1);
    }

    private void send(Outbox.Entry e, int sends) {
        FrameOptions options = FrameOptions.of(encrypt, e.ackRequested(), false);
        byte[] frame = session.encode(e.agedFor(now), options);
        if (e.ackRequested()) {
            long counter = session.lastSent().orElseThrow().counter();
            awaitingAck.put(counter, new Awaiting(e, sends, now.plus(ACK_TIMEOUT.multipliedBy(1L << (sends - 1)))));
        }
        transmit(frame);
    }

    /**
     * Sends unacknowledged events again as new frames (a new counter, the age brought up to date), so
     * the gateway's replay check accepts them; the gateway recognises the repeat by kind and event time.
     */
    private void repeatUnacked() {
        List<Awaiting> due = new ArrayList<>();
        Iterator<Awaiting> it = awaitingAck.values().iterator();
        while (it.hasNext()) {
            Awaiting a = it.next();
            if (!now.isBefore(a.nextAt)) {
                it.remove();
                if (a.sends < MAX_EVENT_SENDS) {
                    due.add(a);
                }
            }
        }
        for (Awaiting a : due) {
            send(a.entry, a.sends + 1);
        }
    }

    private void transmit(byte[] frame) {
        framesSent++;
        battery.transmit(1, temperatureC());
        if (linkUp()) {
            transport.send(frame);
        }
    }

    private double temperatureC() {
        return weather.collarC(now, !motion.bout().detached());
    }

    private long samplesUntil(Instant t) {
        if (!now.isBefore(t)) {
            return 0;
        }
        double s = Duration.between(now, t).toNanos() * 1e-9 * rateHz;
        return (long) Math.ceil(Math.min(s, Long.MAX_VALUE / 2.0));
    }

    private static int clamp(double seconds) {
        return (int) Math.min(0xFFFF, Math.round(seconds));
    }

    /** An event on air that waits for its ack: how often it went out, when to send it again. */
    private record Awaiting(Outbox.Entry entry, int sends, Instant nextAt) {
    }

    /** Options of a simulated collar; only identity, motion, store and transport are required. */
    public static final class Builder {
        private final CollarIdentity identity;
        private final CowMotion motion;
        private final CounterStore store;
        private final Transport transport;
        private Battery battery = Battery.fresh();
        private Weather weather = Weather.of(10, 5, ZoneOffset.UTC);
        private List<Episode> episodes = List.of();
        private FirmwareAgent firmware = FirmwareAgent.fixed(FirmwareVersion.of(1, 0, 0));
        private boolean encrypt = true;
        private int bufferFrames = 256;

        private Builder(CollarIdentity identity, CowMotion motion, CounterStore store, Transport transport) {
            this.identity = identity;
            this.motion = motion;
            this.store = store;
            this.transport = transport;
        }

        public Builder battery(Battery b) {
            this.battery = b;
            return this;
        }

        public Builder weather(Weather w) {
            this.weather = w;
            return this;
        }

        /** The cow's episodes; the collar acts on radio loss (the motion acts on the rest). */
        public Builder episodes(List<Episode> e) {
            this.episodes = List.copyOf(e);
            return this;
        }

        public Builder firmware(FirmwareAgent f) {
            this.firmware = f;
            return this;
        }

        /** Encrypt payloads with the session payload key (default true). */
        public Builder encrypt(boolean e) {
            this.encrypt = e;
            return this;
        }

        /** Uplinks the collar can hold during radio loss, at least 1 (default 256). */
        public Builder bufferFrames(int n) {
            this.bufferFrames = n;
            return this;
        }

        public SimulatedCollar build() {
            return new SimulatedCollar(this);
        }
    }
}
