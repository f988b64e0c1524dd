package io.herdgate.bench;

import io.herdgate.rules.detect.DetectionEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The year check: per-minute data of a herd through one engine on one thread, timed by wall clock and
 * by the thread's CPU time (the CPU figure holds on a machine shared with other work), then projected
 * to a year. Usage: {@code java -cp benchmarks.jar io.herdgate.bench.DetectionYearCheck [cows] [days]}
 * (default 500 cows, 30 days; the first 2 days warm the JIT and are not timed).
 */
public final class DetectionYearCheck {

    private DetectionYearCheck() {
    }

    public static void main(String[] args) {
        int cows = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        DetectionEngine engine = DetectionEngine.builder().build();
        MinuteHerd herd = new MinuteHerd(cows, engine);
        herd.feed(2L * 1440 * cows);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long n = (long) days * 1440 * cows;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        herd.feed(n);
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        double year = 365.0 * 1440 * cows;
        System.out.printf(Locale.ROOT, "%d cows x %d days = %,d observations: wall %.1f s, cpu %.1f s%n", cows, days, n,
                wall, cpu);
        System.out.printf(Locale.ROOT, "%,.0f observations per cpu-second; a year (%,.0f observations) takes %.0f cpu-s%n",
                n / cpu, year, year / (n / cpu));
    }
}
