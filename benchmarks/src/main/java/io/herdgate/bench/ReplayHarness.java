package io.herdgate.bench;

import io.herdgate.rules.params.Rules;
import io.herdgate.rules.replay.Replay;
import io.herdgate.rules.replay.ReplayResult;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end replay timing on a synthetic year-scale file (too large for a JMH fixture):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.herdgate.bench.ReplayHarness FILE COWS DAYS [read|detect] [THREADS]
 * </pre>
 * generates FILE if it does not exist ({@link SyntheticMinuteData}), then times one replay: {@code read}
 * parses, checks and time-merges every row without detectors, {@code detect} also runs the detection
 * engine with the shipped defaults. Prints rows, wall seconds and rows/s, and the process CPU seconds
 * of the replay with rows per CPU-second.
 */
public final class ReplayHarness {

    private ReplayHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ReplayHarness FILE COWS DAYS [read|detect] [THREADS]");
            return;
        }
        Path file = Path.of(args[0]);
        int cows = Integer.parseInt(args[1]);
        int days = Integer.parseInt(args[2]);
        boolean detect = args.length > 3 && args[3].equals("detect");
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            long rows = SyntheticMinuteData.write(file, cows, days, 42);
            System.out.printf(Locale.ROOT, "generated %s: %,d rows, %,d bytes in %.1f s%n", file, rows, Files.size(file),
                    (System.nanoTime() - t0) / 1e9);
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ReplayResult r = Replay.of(file).threads(threads).run(detect ? List.of(Rules.defaults()) : List.of());
        double s = (System.nanoTime() - t0) / 1e9;
        // CPU seconds as well as wall time: on a shared machine the wall time says more about the neighbours
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "%s %s, %d thread(s): %,d rows, %d cows, %d partitions, %.1f s wall, %,.0f rows/s;"
                        + " %.1f CPU-s, %,.0f rows per CPU-second%s%n",
                detect ? "detect" : "read", file.getFileName(), threads, r.stats().rowsRead(), r.stats().cows(),
                r.stats().partitions(), s, r.stats().rowsRead() / s, cpu, r.stats().rowsRead() / cpu,
                detect ? ", " + r.alarms().get(0).size() + " alarms" : "");
    }
}
