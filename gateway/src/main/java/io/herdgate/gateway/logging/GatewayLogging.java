package io.herdgate.gateway.logging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinylog.Logger;
import org.tinylog.configuration.Configuration;

/**
 * Switches tinylog from the CLI's warnings-only setup to the running gateway's: either a size-rolled
 * file plus warnings on stderr ({@link #toFile}), or everything on stderr for the journal
 * ({@link #toStderr}). Must run before the first log line of the process (tinylog freezes its
 * configuration then), i.e. first thing in the command that runs the gateway.
 */
public final class GatewayLogging {

    private static final String FORMAT = "{date:yyyy-MM-dd'T'HH:mm:ss.SSSZ} {level} {class-name} {message}";

    private GatewayLogging() {
    }

    /**
     * Logs to {@code settings.file()}, rolling it over by size, and warnings also to stderr.
     *
     * @throws IllegalStateException when something has already logged (too late to reconfigure)
     * @throws UncheckedIOException  when the log directory cannot be created
     */
    public static void toFile(LogSettings settings) {
        Path dir = settings.file().toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory " + dir, e);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("writer1", "rolling file");
        p.put("writer1.level", settings.level());
        p.put("writer1.file", settings.numberedPattern());
        p.put("writer1.latest", settings.file().toAbsolutePath().toString());
        p.put("writer1.format", FORMAT);
        p.put("writer1.policies", "startup, size: " + settings.maxFileBytes() / 1024 + "kb");
        p.put("writer1.backups", Integer.toString(settings.backups() + 1)); // tinylog counts the current file too
        p.put("writer1.charset", "UTF-8");
        p.put("writer2", "console");
        p.put("writer2.level", "warn");
        p.put("writer2.stream", "err");
        p.put("writer2.format", "{level}: {class-name} {message}");
        apply(p);
        Logger.info("logging started file={} max_file_bytes={} backups={} level={}", settings.file(),
                settings.maxFileBytes(), settings.backups(), settings.level());
    }

    /**
     * Logs everything from {@code level} up to stderr (systemd's journal keeps it, with its own rotation).
     *
     * @throws IllegalStateException when something has already logged
     */
    public static void toStderr(String level) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("writer", "console");
        p.put("writer.level", LogSettings.checkLevel(level));
        p.put("writer.stream", "err");
        p.put("writer.format", "{level} {class-name} {message}"); // the journal adds the time
        apply(p);
    }

    private static void apply(Map<String, String> properties) {
        if (Configuration.isFrozen()) {
            throw new IllegalStateException("logging is already in use; configure it before anything logs");
        }
        properties.put("writingthread", "true");
        // Libraries are chatty below warn; their warnings still come through.
        for (String lib : new String[] {"org.sqlite", "org.eclipse.jetty", "io.javalin", "org.quartz", "com.pi4j",
                "org.eclipse.paho"}) {
            properties.put("level@" + lib, "warn");
        }
        properties.put("level@com.pi4j.boardinfo", "off"); // shells out to cat and logs errors off a Pi
        Configuration.replace(properties);
    }
}
