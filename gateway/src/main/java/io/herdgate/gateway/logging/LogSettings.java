package io.herdgate.gateway.logging;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The gateway's log files.
 *
 * @param directory    where {@code herdgate.log} (the current file) and its numbered predecessors live
 * @param maxFileBytes a file is rolled over once it reaches this size, 16 KiB–100 MiB (whole KiB)
 * @param backups      rolled-over files kept besides the current one, 1–50
 * @param level        lowest level written to the files: trace, debug, info, warn or error
 */
public record LogSettings(Path directory, long maxFileBytes, int backups, String level) {

    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error");

    public LogSettings {
        Objects.requireNonNull(directory, "directory");
        level = Objects.requireNonNull(level, "level").toLowerCase(Locale.ROOT);
        if (maxFileBytes < 16 * 1024 || maxFileBytes > 100L * 1024 * 1024 || maxFileBytes % 1024 != 0) {
            throw new IllegalArgumentException("log.max_file_bytes must be whole KiB from 16 KiB to 100 MiB: "
                    + maxFileBytes);
        }
        if (backups < 1 || backups > 50) {
            throw new IllegalArgumentException("log.backups must be 1-50: " + backups);
        }
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("log.level must be one of trace, debug, info, warn, error: '" + level + "'");
        }
    }

    public static LogSettings of(Path directory, long maxFileBytes, int backups, String level) {
        return new LogSettings(directory, maxFileBytes, backups, level);
    }

    /**
     * {@code /var/log/herdgate}, 2 MiB files, 4 backups, info: at most 10 MiB of SD card, several days of
     * a normal herd's events.
     */
    public static LogSettings defaults() {
        return of(Path.of("/var/log/herdgate"), 2L * 1024 * 1024, 4, "info");
    }

    public LogSettings withDirectory(Path dir) {
        return of(dir, maxFileBytes, backups, level);
    }
}
