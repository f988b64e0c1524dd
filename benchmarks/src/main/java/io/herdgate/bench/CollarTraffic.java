package io.herdgate.bench;

import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.json.MessageJson;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.serial.Enframer;
import io.herdgate.protocol.serial.RadioFrame;
import io.herdgate.protocol.serial.RadioUplink;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.sim.motion.Behaviour;
import io.herdgate.sim.motion.CowTraits;
import io.herdgate.sim.motion.MotionSynth;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic collar traffic for the benchmarks: one simulated cow's accelerometer at 10 Hz, ±4 g, cut into
 * batches of {@code seconds}, each batch split evenly into as few {@code SAMPLE_BATCH} frames as the
 * 49-sample limit allows (10 s = 100 samples = 3 frames), encoded by a collar-side session with
 * consecutive counters; plus the same messages in the codec's JSON form and as serial-link lines.
 */
final class CollarTraffic {

    static final CollarEui EUI = CollarEui.parse("70B3D57ED0001234");
    static final SessionKeys KEYS = SessionKeys.of(AesKey.ofHex("2b7e151628aed2a6abf7158809cf4f3c"),
            AesKey.ofHex("603deb1015ca71be2b73aef0857d7781"));
    static final int RATE_CENTI_HZ = 1000;

    /** Frames of each batch, batch after batch, counters consecutive. */
    final List<byte[][]> frames = new ArrayList<>();
    /** The same messages as JSON (UTF-8), batch after batch. */
    final List<byte[][]> json = new ArrayList<>();
    /** The same frames as serial-link lines, each in a radio-uplink record. */
    final List<byte[][]> lines = new ArrayList<>();
    final int samplesPerBatch;
    final int framesPerBatch;

    /** Fills one batch of interleaved x, y, z accelerations in g; false when there are no more. */
    interface Source {
        boolean fill(float[] g);
    }

    private CollarTraffic(int batches, int seconds, Source source, boolean encrypted) {
        samplesPerBatch = seconds * RATE_CENTI_HZ / 100;
        framesPerBatch = (samplesPerBatch + SampleBatch.MAX_SAMPLES - 1) / SampleBatch.MAX_SAMPLES;
        CollarSession collar = CollarSession.collarSide(EUI, KEYS, InMemoryCounterStore.create());
        FrameOptions options = FrameOptions.of(encrypted, false, false);
        Enframer enframer = Enframer.create();
        float[] g = new float[3 * samplesPerBatch];
        double milliGPerCount = AccelRange.G4.milliGPerCount();
        for (int b = 0; b < batches && source.fill(g); b++) {
            byte[][] f = new byte[framesPerBatch][];
            byte[][] j = new byte[framesPerBatch][];
            byte[][] l = new byte[framesPerBatch][];
            int start = 0;
            for (int k = 0; k < framesPerBatch; k++) {
                int n = (samplesPerBatch - start) / (framesPerBatch - k);
                short[] xyz = new short[3 * n];
                for (int i = 0; i < 3 * n; i++) {
                    long counts = Math.round(g[3 * start + i] * 1000 / milliGPerCount);
                    xyz[i] = (short) Math.max(SampleBatch.MIN_COUNT, Math.min(SampleBatch.MAX_COUNT, counts));
                }
                // The batch is sent when its last sample is taken; the first sample of part k is that old.
                long ageMs = (long) (samplesPerBatch - start) * 100_000 / RATE_CENTI_HZ;
                SampleBatch message = SampleBatch.of(ageMs, RATE_CENTI_HZ, AccelRange.G4, xyz);
                f[k] = collar.encode(message, options);
                j[k] = MessageJson.write(message).getBytes(StandardCharsets.UTF_8);
                l[k] = enframer.enframe(RadioUplink.of(3, -97, -22, 1000L * b, RadioFrame.of(f[k])));
                start += n;
            }
            frames.add(f);
            json.add(j);
            lines.add(l);
        }
    }

    /** Batches of one simulated cow in one behaviour. */
    static CollarTraffic of(int batches, int seconds, Behaviour behaviour, boolean encrypted, long seed) {
        MotionSynth cow = MotionSynth.of(CowTraits.random(seed));
        cow.startBout(behaviour);
        return new CollarTraffic(batches, seconds, g -> {
            cow.fill(g, 0, g.length / 3, 1.0, RATE_CENTI_HZ / 100.0);
            return true;
        }, encrypted);
    }

    /** As many whole batches as {@code source} yields. */
    static CollarTraffic of(int seconds, Source source, boolean encrypted) {
        return new CollarTraffic(Integer.MAX_VALUE, seconds, source, encrypted);
    }

    int batches() {
        return frames.size();
    }

    /** A gateway-side session that has heard nothing yet from the collar. */
    static CollarSession gateway() {
        return CollarSession.gatewaySide(EUI, KEYS, InMemoryCounterStore.create());
    }

    static long totalBytes(List<byte[][]> batches) {
        long sum = 0;
        for (byte[][] batch : batches) {
            for (byte[] b : batch) {
                sum += b.length;
            }
        }
        return sum;
    }
}
