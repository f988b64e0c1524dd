package io.herdgate.gateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway log.
 *
 * @param level one of {@link #LEVELS}
 * @param file  a log file; empty logs to standard error (the journal under systemd)
 */
public record LoggingConfig(String level, Optional<Path> file) {

    public static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");
    public static final LoggingConfig DEFAULT = new LoggingConfig("info", Optional.empty());

    public LoggingConfig {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(file, "file");
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("level must be one of " + LEVELS + ", got " + level);
        }
    }

    public static LoggingConfig of(String level, Optional<Path> file) {
        return new LoggingConfig(level, file);
    }
}
