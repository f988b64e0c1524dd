package io.herdgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's I/O counters from {@code /proc/self/io} (Linux): {@code wchar} counts bytes passed to
 * write calls (what the file system is asked to write), {@code write_bytes} bytes sent to the block
 * device (0 on tmpfs; delayed by the page cache).
 */
record ProcessIo(long wchar, long writeBytes) {

    static ProcessIo now() {
        try {
            long wchar = -1;
            long writeBytes = -1;
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("wchar:")) {
                    wchar = Long.parseLong(line.substring(6).strip());
                } else if (line.startsWith("write_bytes:")) {
                    writeBytes = Long.parseLong(line.substring(12).strip());
                }
            }
            return new ProcessIo(wchar, writeBytes);
        } catch (IOException e) {
            throw new IllegalStateException("/proc/self/io is not readable (Linux only): " + e.getMessage(), e);
        }
    }

    ProcessIo minus(ProcessIo before) {
        return new ProcessIo(wchar - before.wchar, writeBytes - before.writeBytes);
    }
}
