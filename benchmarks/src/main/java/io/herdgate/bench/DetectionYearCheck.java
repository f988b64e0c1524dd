package io.herdgate.bench;

import io.herdgate.rules.detect.DetectionEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The year check: per-minute data of a herd through one engine on one thread, timed by wall clock and
 * by the thread's CPU time (the CPU figure holds on a machine shared with other work), then projected
 * to a year. Usage: {@code java -cp benchmarks.jar io.herdgate.bench.DetectionYearCheck [cows] [days]}
 * (default 500 cows, 30 days; the first 2 days warm the JIT and are not timed). A second pass that
 * only creates the observations gives their cost, so the engine's own share can be told apart.
 */
public final class DetectionYearCheck {

    private DetectionYearCheck() {
    }

    public static void main(String[] args) {
        int cows = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        DetectionEngine engine = DetectionEngine.builder().build();
        long n = (long) days * 1440 * cows;
        double year = 365.0 * 1440 * cows;
        double cpu = timedCpu(new MinuteHerd(cows, engine::accept), cows, n);
        long[] hash = new long[1];
        double generate = timedCpu(new MinuteHerd(cows, o -> hash[0] += o.start().getEpochSecond()), cows, n);
        System.out.printf(Locale.ROOT, "%d cows x %d days = %,d observations: cpu %.1f s, of which creating them %.1f s%n",
                cows, days, n, cpu, generate);
        System.out.printf(Locale.ROOT, "a year (%,.0f observations): %.0f cpu-s in all, %.0f cpu-s in the engine (%,.0f obs/cpu-s)%n",
                year, year / n * cpu, year / n * (cpu - generate), n / (cpu - generate));
        if (hash[0] == 42) {
            System.out.println(); // keeps the generate-only pass from being optimised away
        }
    }

    /** CPU seconds of this thread for {@code n} observations, after two untimed days of warm-up. */
    private static double timedCpu(MinuteHerd herd, int cows, long n) {
        herd.feed(2L * 1440 * cows);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        herd.feed(n);
        return (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
    }
}
