package io.herdgate.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException gone) {
            return -1;
        }
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        return (utime + stime) / TICKS_PER_SECOND;
    }
}
