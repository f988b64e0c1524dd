package io.herdgate.bench.load;

import io.herdgate.protocol.codec.FrameCodec;
import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.FrameMic;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.Direction;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.LittleEndian;
import io.herdgate.protocol.join.CollarJoin;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.CollarStatus;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.message.ResetCause;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.sim.event.CowDown;
import io.herdgate.sim.event.Episode;
import io.herdgate.sim.motion.CowMotion;
import io.herdgate.sim.motion.CowTraits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One collar of the load: joins with its root key, then replays a backlog of sample batches (4 s at 10 Hz,
 * ±4 g) from the simulator's motion model, as a collar does after a radio outage. Each batch's
 * {@code first_sample_age_ms} is taken against the wall clock when it is encoded and its frame counters
 * run on without a gap, so the gateway (which anchors a stream at its first batch's arrival minus age
 * and follows the counters from there) sees one unbroken stream however fast the backlog is replayed.
 * The motion is rendered and its samples coded ahead ({@link #prepare}: a frame per batch with age 0),
 * so that streaming costs the publisher only what stamping a frame costs: its age and counter written
 * in, its MIC computed, MQTT. A mistake there would show as frames the gateway rejects.
 *
 * <p>A collar with a {@link LowBattery} sends, halfway through its backlog or when told the live phase
 * began, a status frame with {@link #LOW_BATTERY_MV} (under the shipped {@code battery.low_mv} of
 * 3400 mV) before its next batch; the gateway attaches that reading to the cow's following minutes and
 * raises the alarm after {@code battery.min_readings} of them.
 * Not thread-safe: one publisher thread owns it.
 */
final class LoadCollar {

    static final int BATCH = 40;
    static final double RATE_HZ = 10;
    static final Duration BATCH_SPAN = Duration.ofSeconds(4);
    private static final long BATCH_SPAN_MS = BATCH_SPAN.toMillis();
    /** Where {@code first_sample_age_ms} (u32, little-endian) sits in a frame with a full counter. */
    private static final int AGE_OFFSET = FrameLayout.HEADER_SIZE;
    static final int LOW_BATTERY_MV = 3300;

    /** When a collar reports its low battery. */
    enum LowBattery { BACKLOG, LIVE }

    private final CollarEui eui;
    private final AesKey root;
    private final String cow;
    private final InMemoryCounterStore flash = InMemoryCounterStore.create();
    private final CollarJoin join;
    private final CowMotion motion;
    private final Instant backlogStart;
    private final float[] scratch = new float[3 * BATCH];
    private final byte[] upTopic;
    private final Optional<LowBattery> lowBattery;
    private Optional<Instant> lowBatteryAt;
    private byte[][] rendered = new byte[0][];
    private volatile SessionKeys keys;
    private FrameCodec codec;
    private FrameMic mic;
    /** The counter of the next uplink frame (a fresh session starts at 0). */
    private long counter;
    private long batches;
    private boolean lowBatterySent;

    /**
     * @param downAfter  when in the backlog the cow goes down (and stays down), if she does
     * @param lowBattery when the collar reports a low battery, if it does
     */
    LoadCollar(int n, Instant backlogStart, Optional<Duration> downAfter, Duration backlog,
               Optional<LowBattery> lowBattery) {
        this.eui = CollarEui.of(0x70B3D54C0AD00000L + n);
        this.root = AesKey.of(keyBytes(n));
        this.cow = Integer.toString(10_000 + n);
        this.join = CollarJoin.of(eui, root, flash);
        this.backlogStart = backlogStart;
        this.lowBattery = lowBattery;
        this.upTopic = ("herdgate/" + LoadHarness.GATEWAY + "/collar/" + eui + "/up").getBytes(StandardCharsets.US_ASCII);
        this.lowBatteryAt = lowBattery.filter(b -> b == LowBattery.BACKLOG).map(b -> backlogStart.plus(backlog.dividedBy(2)));
        List<Episode> episodes = downAfter.<List<Episode>>map(d -> List.of(CowDown.of(backlogStart.plus(d), backlog)))
                .orElse(List.of());
        this.motion = CowMotion.of(CowTraits.random(n), backlogStart, ZoneOffset.UTC, episodes);
    }

    private static byte[] keyBytes(int n) {
        byte[] k = new byte[16];
        for (int i = 0; i < 16; i++) {
            k[i] = (byte) (n * 31 + i * 17 + (n >> 8));
        }
        return k;
    }

    CollarEui eui() {
        return eui;
    }

    /** {@code herdgate/load/collar/<EUI>/up} in ASCII: the uplink topic of the harness's gateway. */
    byte[] upTopic() {
        return upTopic;
    }

    /** The collar's label as the pairing mode's API takes it: {@code {"eui":..,"key":..,"cow":..}}. */
    String labelJson() {
        return "{\"eui\":\"" + eui + "\",\"key\":\"" + root.toHex() + "\",\"cow\":\"" + cow + "\"}";
    }

    byte[] joinRequest() {
        return join.request(FirmwareVersion.of(1, 0, 0));
    }

    /** Takes a downlink; true when it was the join accept that opened the session. */
    boolean downlink(byte[] frame) {
        if (keys != null) {
            return false;
        }
        DecodeResult r = join.decodeAccept(frame, 0, frame.length);
        if (r instanceof Decoded d && d.message() instanceof JoinAccept a) {
            SessionKeys k = join.sessionKeys(a);
            codec = FrameCodec.of(eui, k);
            mic = FrameMic.of(k.micKey());
            keys = k;
            return true;
        }
        return false;
    }

    boolean joined() {
        return keys != null;
    }

    Instant backlogStart() {
        return backlogStart;
    }

    /** Event time at which the next batch of the backlog ends. */
    Instant nextBatchEnd() {
        return backlogStart.plusMillis(BATCH_SPAN_MS * (batches + 1)); // not Duration.multipliedBy: BigDecimal
    }

    /** Batches of the backlog not yet sent at wall time {@code now}. */
    boolean hasBacklog(Instant now) {
        return !nextBatchEnd().isAfter(now);
    }

    boolean lowBatteryLive() {
        return lowBattery.equals(Optional.of(LowBattery.LIVE));
    }

    /** The low-battery status goes out before the next batch. */
    void lowBatteryNow() {
        lowBatteryAt = Optional.of(Instant.EPOCH);
    }

    /**
     * Renders the motion of the next {@code count} batches and codes each as a frame now (age and counter
     * 0, no MIC yet), so that sending them costs no simulation and no sample coding. After the join.
     */
    void prepare(int count) {
        rendered = new byte[count][];
        for (int i = 0; i < count; i++) {
            rendered[i] = batchFrame(render());
        }
    }

    private byte[] batchFrame(short[] xyz) {
        return codec.encode(SampleBatch.of(0, (int) (RATE_HZ * 100), AccelRange.G4, xyz), 0, FrameOptions.PLAIN);
    }

    private short[] render() {
        motion.fill(scratch, 0, BATCH, RATE_HZ);
        short[] xyz = new short[3 * BATCH];
        double perCount = AccelRange.G4.milliGPerCount();
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = (short) Math.max(SampleBatch.MIN_COUNT, Math.min(SampleBatch.MAX_COUNT,
                    Math.round(scratch[i] * 1000 / perCount)));
        }
        return xyz;
    }

    /**
     * The next frame at wall time {@code now}: the low-battery status when it is due, else the next batch
     * of the backlog, aged for sending at {@code now}.
     */
    byte[] nextFrame(Instant now) {
        Instant first = backlogStart.plusMillis(BATCH_SPAN_MS * batches);
        if (!lowBatterySent && lowBatteryAt.isPresent() && !first.isBefore(lowBatteryAt.get())) {
            lowBatterySent = true;
            return codec.encode(CollarStatus.of(LOW_BATTERY_MV, 150, FirmwareVersion.of(1, 0, 0),
                    Duration.between(backlogStart, first).toSeconds(), ResetCause.POWER_ON, batches, 0),
                    counter++, FrameOptions.PLAIN);
        }
        byte[] frame;
        if (batches < rendered.length) {
            frame = rendered[(int) batches];
            rendered[(int) batches] = null;
        } else {
            frame = batchFrame(render());
        }
        long age = Math.max(0, now.toEpochMilli() - first.toEpochMilli());
        batches++;
        // Stamped as the collar's radio side would: age, counter, then the MIC over header and payload.
        int micAt = frame.length - FrameLayout.MIC_SIZE;
        LittleEndian.put(frame, AGE_OFFSET, 4, age);
        LittleEndian.put(frame, FrameLayout.OFFSET_COUNTER, 4, counter);
        LittleEndian.put(frame, micAt, 4, mic.compute(Direction.UP.bit(), eui.value(), counter, frame, 0, micAt));
        counter++;
        return frame;
    }
}
