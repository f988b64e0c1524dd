package io.herdgate.gateway.link;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;

/**
 * CPU used over a stretch of wall time, as a share of one core: by the whole process, and by the threads
 * whose names start with given prefixes.
 */
record CpuShare(double process, double threads) {

    static CpuShare measure(Duration wall, String... threadPrefixes) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        long p0 = os.getProcessCpuTime();
        long t0 = threadCpu(tmx, threadPrefixes);
        long w0 = System.nanoTime();
        HerdHarness.sleep(wall.toMillis());
        double w = System.nanoTime() - w0;
        return new CpuShare((os.getProcessCpuTime() - p0) / w, (threadCpu(tmx, threadPrefixes) - t0) / w);
    }

    private static long threadCpu(ThreadMXBean tmx, String[] prefixes) {
        long sum = 0;
        for (ThreadInfo t : tmx.getThreadInfo(tmx.getAllThreadIds())) {
            if (t != null && Arrays.stream(prefixes).anyMatch(t.getThreadName()::startsWith)) {
                sum += Math.max(0, tmx.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        return String.format("process %.2f %% of one core, link threads %.3f %%", process * 100, threads * 100);
    }
}
