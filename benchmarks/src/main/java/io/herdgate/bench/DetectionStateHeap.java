package io.herdgate.bench;

import io.herdgate.rules.detect.DetectionEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The heap a warmed herd's detector state holds, with and without the engine's pooled-baseline cache
 * ({@link DetectionEngine.Builder#baselineCache}): per-minute data of a herd through one engine, then the
 * heap still in use after collections, less what was in use before the engine existed. Also the engine's
 * CPU time (thread CPU, so it holds on a shared machine). Usage: {@code java -Xmx512m -XX:+UseSerialGC -cp
 * benchmarks.jar io.herdgate.bench.DetectionStateHeap [cows] [days]} (default 2,000 cows, 9 days: past the
 * 7-day baselines, so heat and illness read them).
 */
public final class DetectionStateHeap {

    private DetectionStateHeap() {
    }

    public static void main(String[] args) throws InterruptedException {
        int cows = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        for (boolean cache : new boolean[] {true, false}) {
            long before = usedAfterGc();
            DetectionEngine engine = DetectionEngine.builder().baselineCache(cache).build();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getCurrentThreadCpuTime();
            new MinuteHerd(cows, engine::accept).feed((long) days * 1440 * cows);
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            long held = usedAfterGc() - before;
            System.out.printf(Locale.ROOT, "baseline cache %-5s: %d cows x %d days: state %.1f MB (%.2f KB a cow), %.1f cpu-s%n",
                    cache, engine.cows().size(), days, held / 1048576.0, held / 1024.0 / cows, cpu);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
