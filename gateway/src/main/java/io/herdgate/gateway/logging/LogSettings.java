package io.herdgate.gateway.logging;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The gateway's log file.
 *
 * @param file         the current log file, e.g. {@code /var/log/herdgate/herdgate.log}; rolled-over files
 *                     sit beside it as {@code herdgate.<n>.log} (the name without {@code .log}, a number,
 *                     {@code .log}), and the current one is a link to the newest
 * @param maxFileBytes a file is rolled over once it reaches this size, 16 KiB–100 MiB (whole KiB)
 * @param backups      rolled-over files kept besides the current one, 1–50
 * @param level        lowest level written: trace, debug, info, warn or error
 */
public record LogSettings(Path file, long maxFileBytes, int backups, String level) {

    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error");

    public LogSettings {
        Objects.requireNonNull(file, "file");
        level = checkLevel(level);
        if (file.getFileName() == null) {
            throw new IllegalArgumentException("logging.file must name a file, e.g. /var/log/herdgate/herdgate.log: "
                    + file);
        }
        if (maxFileBytes < 16 * 1024 || maxFileBytes > 100L * 1024 * 1024 || maxFileBytes % 1024 != 0) {
            throw new IllegalArgumentException("logging.max_file_bytes must be whole KiB from 16 KiB to 100 MiB: "
                    + maxFileBytes);
        }
        if (backups < 1 || backups > 50) {
            throw new IllegalArgumentException("logging.backups must be 1-50: " + backups);
        }
    }

    public static LogSettings of(Path file, long maxFileBytes, int backups, String level) {
        return new LogSettings(file, maxFileBytes, backups, level);
    }

    /**
     * 2 MiB files, 4 backups: at most 10 MiB of SD card, several days of a normal herd's events.
     */
    public static LogSettings of(Path file, String level) {
        return of(file, 2L * 1024 * 1024, 4, level);
    }

    /** The name pattern of the numbered files, for tinylog: {@code <stem>.{count}.log} beside {@link #file()}. */
    String numberedPattern() {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".log") ? name.substring(0, name.length() - ".log".length()) : name;
        return file.toAbsolutePath().resolveSibling(stem + ".{count}.log").toString();
    }

    static String checkLevel(String level) {
        String l = Objects.requireNonNull(level, "level").toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(l)) {
            throw new IllegalArgumentException("logging.level must be one of trace, debug, info, warn, error: '"
                    + level + "'");
        }
        return l;
    }
}
