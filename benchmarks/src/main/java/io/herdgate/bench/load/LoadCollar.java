package io.herdgate.bench.load;

import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.join.CollarJoin;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.sim.event.CowDown;
import io.herdgate.sim.event.Episode;
import io.herdgate.sim.motion.CowMotion;
import io.herdgate.sim.motion.CowTraits;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One collar of the load: joins with its root key, then replays a backlog of sample batches (4 s at 10 Hz,
 * ±4 g) from the simulator's motion model, as a collar does after a radio outage. Each batch's
 * {@code first_sample_age_ms} is taken against the wall clock when it is encoded, so the gateway, dating
 * batches by arrival minus age, sees one unbroken stream however fast the backlog is replayed.
 * Not thread-safe: one publisher thread owns it.
 */
final class LoadCollar {

    static final int BATCH = 40;
    static final double RATE_HZ = 10;
    static final Duration BATCH_SPAN = Duration.ofSeconds(4);

    private final CollarEui eui;
    private final AesKey root;
    private final String cow;
    private final InMemoryCounterStore flash = InMemoryCounterStore.create();
    private final CollarJoin join;
    private final CowMotion motion;
    private final Instant backlogStart;
    private final float[] scratch = new float[3 * BATCH];
    private volatile CollarSession session;
    private long batches;

    LoadCollar(int n, Instant backlogStart, Optional<Duration> downAfter, Duration backlog) {
        this.eui = CollarEui.of(0x70B3D54C0AD00000L + n);
        this.root = AesKey.of(keyBytes(n));
        this.cow = Integer.toString(10_000 + n);
        this.join = CollarJoin.of(eui, root, flash);
        this.backlogStart = backlogStart;
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

    /** The cow the collar is paired to. */
    String cow() {
        return cow;
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
        if (session != null) {
            return false;
        }
        DecodeResult r = join.decodeAccept(frame, 0, frame.length);
        if (r instanceof Decoded d && d.message() instanceof JoinAccept a) {
            session = CollarSession.collarSide(eui, join.sessionKeys(a), flash);
            return true;
        }
        return false;
    }

    boolean joined() {
        return session != null;
    }

    Instant backlogStart() {
        return backlogStart;
    }

    /** Event time at which the next batch of the backlog ends. */
    Instant nextBatchEnd() {
        return backlogStart.plus(BATCH_SPAN.multipliedBy(batches + 1));
    }

    /** Batches of the backlog not yet sent at wall time {@code now}. */
    boolean hasBacklog(Instant now) {
        return !backlogStart.plus(BATCH_SPAN.multipliedBy(batches + 1)).isAfter(now);
    }

    long batchesSent() {
        return batches;
    }

    /** The next batch of the backlog as a frame, aged for sending at {@code now}. */
    byte[] nextFrame(Instant now) {
        motion.fill(scratch, 0, BATCH, RATE_HZ);
        short[] xyz = new short[3 * BATCH];
        double perCount = AccelRange.G4.milliGPerCount();
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = (short) Math.max(SampleBatch.MIN_COUNT, Math.min(SampleBatch.MAX_COUNT,
                    Math.round(scratch[i] * 1000 / perCount)));
        }
        Instant first = backlogStart.plus(BATCH_SPAN.multipliedBy(batches));
        long age = Math.max(0, Duration.between(first, now).toMillis());
        batches++;
        return session.encode(SampleBatch.of(age, (int) (RATE_HZ * 100), AccelRange.G4, xyz), FrameOptions.PLAIN);
    }
}
