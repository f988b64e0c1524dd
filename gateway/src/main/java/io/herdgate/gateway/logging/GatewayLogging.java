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
 * Switches tinylog from the CLI's stderr-only setup to the gateway's: a size-rolled file writer plus
 * warnings on stderr. Must run before the first log line of the process (tinylog freezes its
 * configuration then), i.e. first thing in the command that runs the gateway.
 */
public final class GatewayLogging {

    /** Name of the current log file inside {@link LogSettings#directory()}. */
    public static final String LATEST = "herdgate.log";

    private GatewayLogging() {
    }

    /**
     * Applies {@code settings}.
     *
     * @throws IllegalStateException when something has already logged (too late to reconfigure)
     * @throws UncheckedIOException  when the log directory cannot be created
     */
    public static void start(LogSettings settings) {
        if (Configuration.isFrozen()) {
            throw new IllegalStateException("logging is already in use; configure it before anything logs");
        }
        Path dir = settings.directory().toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory " + dir, e);
        }
        Configuration.replace(properties(settings, dir));
        Logger.info("logging started dir={} max_file_bytes={} backups={} level={}", dir, settings.maxFileBytes(),
                settings.backups(), settings.level());
    }

    static Map<String, String> properties(LogSettings s, Path dir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("writer1", "rolling file");
        p.put("writer1.level", s.level());
        p.put("writer1.file", dir.resolve("herdgate.{count}.log").toString());
        p.put("writer1.latest", dir.resolve(LATEST).toString());
        p.put("writer1.format", "{date:yyyy-MM-dd'T'HH:mm:ss.SSSZ} {level} {class-name} {message}");
        p.put("writer1.policies", "startup, size: " + s.maxFileBytes() / 1024 + "kb");
        p.put("writer1.backups", Integer.toString(s.backups() + 1)); // tinylog counts the current file too
        p.put("writer1.charset", "UTF-8");
        p.put("writer2", "console");
        p.put("writer2.level", "warn");
        p.put("writer2.stream", "err");
        p.put("writer2.format", "{level}: {class-name} {message}");
        p.put("writingthread", "true");
        // Libraries are chatty below warn; their warnings still come through.
        for (String lib : new String[] {"org.sqlite", "org.eclipse.jetty", "io.javalin", "org.quartz", "com.pi4j",
                "org.eclipse.paho"}) {
            p.put("level@" + lib, "warn");
        }
        p.put("level@com.pi4j.boardinfo", "off");
        return p;
    }
}
