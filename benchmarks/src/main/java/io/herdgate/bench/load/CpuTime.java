package io.herdgate.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time (user + system) a process has used so far, from fields 14 and 15 of {@code /proc/<pid>/stat},
 * so the cost per frame can be stated independently of how busy the shared machine is. Linux only.
 */
final class CpuTime {

    /** {@code sysconf(_SC_CLK_TCK)}: 100 on every Linux this runs on (x86-64 and ARM alike). */
    private static final double TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    /** CPU seconds used by process {@code pid} so far; -1 once it is gone. */
    static double seconds(long pid) {
        try {
            return seconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException gone) {
            return -1;
        }
    }

    /**
     * CPU seconds so far of each group of live threads of process {@code pid}, by thread name (as the
     * kernel keeps it: the first 15 characters of the Java name) with digits taken out, so a pool's
     * threads add up ({@code http-21} and {@code http-27} both count as {@code http-#}). Empty once the
     * process is gone. Threads that ended are not counted.
     */
    static Map<String, Double> byThread(long pid) {
        Map<String, Double> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    out.merge(name, seconds(stat), Double::sum);
                } catch (IOException ended) {
                    // The thread ended between the listing and the read: its time is no longer counted.
                }
            });
        } catch (IOException gone) {
            return Map.of();
        }
        return out;
    }

    private static double seconds(String stat) {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        return (utime + stime) / TICKS_PER_SECOND;
    }
}
