package io.herdgate.bench;

import com.sun.management.ThreadMXBean;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.sim.motion.Behaviour;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The two paths of {@link FrameDecodeBenchmark} (binary decode + MIC verify, and Jackson on the same
 * batches as JSON) timed by this thread's CPU time instead of the wall clock, in alternating rounds over
 * the same traffic, so that the binary / JSON ratio holds on a machine shared with other work: another
 * process stealing the core stops the clock of neither path. A pass decodes every frame of 512 batches
 * once (binary with a fresh session, created outside the timing); each round makes four binary passes,
 * then four JSON passes, and times the last three of each; the first third of the rounds warm the JIT
 * and are dropped; the least and the median pass of the rest are printed, per frame, with the bytes a
 * pass allocated on this thread per frame (the least of the timed passes; the binary figure includes the
 * fresh session's first counter entry, a few bytes per frame at most). Usage:
 * {@code java -cp benchmarks.jar io.herdgate.bench.FrameDecodeCpuTime [rounds] [encrypted]}
 * (default 30 rounds, plain frames). JMH stays the benchmark of record on an idle machine.
 */
public final class FrameDecodeCpuTime {

    private static final int BATCHES = 512;
    /** Timed passes per path and round. */
    private static final int PASSES = 3;
    private static long sink;

    private FrameDecodeCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        boolean encrypted = args.length > 1 && Boolean.parseBoolean(args[1]);
        System.out.println("| batch | samples/frame | binary ns/frame (least, median) | json ns/frame (least, median)"
                + " | binary samples per CPU-s | json samples per CPU-s | binary / json (medians)"
                + " | binary alloc per frame | json alloc per frame |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int seconds : new int[] {10, 60}) {
            run(seconds, rounds, encrypted);
        }
        if (sink == 42) {
            System.out.println(); // keeps the results from being optimised away
        }
    }

    private static void run(int seconds, int rounds, boolean encrypted) throws IOException {
        CollarTraffic traffic = CollarTraffic.of(BATCHES, seconds, Behaviour.GRAZING, encrypted, 42);
        JsonBatches json = JsonBatches.create();
        int frames = 0;
        for (byte[][] batch : traffic.frames) {
            frames += batch.length;
        }
        long samples = (long) traffic.samplesPerBatch * traffic.batches();
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] binary = new long[rounds * PASSES];
        long[] jackson = new long[rounds * PASSES];
        long binaryBytes = Long.MAX_VALUE;
        long jsonBytes = Long.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            binaryBytes = Math.min(binaryBytes, timePasses(mx, binary, r, () -> {
                CollarSession gateway = CollarTraffic.gateway();
                return () -> binaryPass(traffic, gateway);
            }));
            jsonBytes = Math.min(jsonBytes, timePasses(mx, jackson, r, () -> () -> jsonPass(traffic, json)));
        }
        long[] b = Arrays.copyOfRange(binary, rounds / 3 * PASSES, binary.length);
        long[] j = Arrays.copyOfRange(jackson, rounds / 3 * PASSES, jackson.length);
        Arrays.sort(b);
        Arrays.sort(j);
        double bMedian = b[b.length / 2];
        double jMedian = j[j.length / 2];
        System.out.printf(Locale.ROOT, "| %d s | %.1f | %.0f, %.0f | %.0f, %.0f | %.1f M | %.2f M | %.1f× (least %.1f×)"
                        + " | %.0f B | %.0f B |%n",
                seconds, samples / (double) frames, b[0] / (double) frames, bMedian / frames,
                j[0] / (double) frames, jMedian / frames, samples / bMedian * 1e3, samples / jMedian * 1e3,
                jMedian / bMedian, j[0] / (double) b[0], binaryBytes / (double) frames, jsonBytes / (double) frames);
    }

    /** One pass of a path, for {@link #timePasses}. */
    private interface Pass {
        void run() throws IOException;
    }

    /**
     * Runs a pass made by {@code passes} (made outside the timing: e.g. a fresh gateway session) PASSES + 1
     * times and stores the thread CPU time of all but the first in round
     * {@code r} of {@code times}; the untimed first pass refills the caches that the other path's round
     * emptied, as a JMH fork of one path never has to. Returns the fewest bytes a timed pass allocated.
     */
    private static long timePasses(ThreadMXBean mx, long[] times, int r, Supplier<Pass> passes) throws IOException {
        long bytes = Long.MAX_VALUE;
        for (int p = 0; p <= PASSES; p++) {
            Pass pass = passes.get();
            long a0 = mx.getCurrentThreadAllocatedBytes();
            long t0 = mx.getCurrentThreadCpuTime();
            pass.run();
            if (p > 0) {
                times[r * PASSES + p - 1] = mx.getCurrentThreadCpuTime() - t0;
                bytes = Math.min(bytes, mx.getCurrentThreadAllocatedBytes() - a0);
            }
        }
        return bytes;
    }

    private static void binaryPass(CollarTraffic traffic, CollarSession gateway) {
        for (byte[][] batch : traffic.frames) {
            for (byte[] frame : batch) {
                DecodeResult r = gateway.decode(frame, 0, frame.length);
                sink += ((SampleBatch) ((Decoded) r).message()).count();
            }
        }
    }

    private static void jsonPass(CollarTraffic traffic, JsonBatches json) throws IOException {
        for (byte[][] batch : traffic.json) {
            for (byte[] doc : batch) {
                sink += json.read(doc).count();
            }
        }
    }
}
