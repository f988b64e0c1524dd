package io.herdgate.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Two connected pseudo-terminals made by a real {@code socat} process ({@code socat -d -d
 * pty,raw,echo=0,link=<dir>/a pty,raw,echo=0,link=<dir>/b}): bytes written to one end are read at the other,
 * like a USB serial dongle and the radio behind it. The ends are reached through the symbolic links
 * {@link #a()} and {@link #b()}, as a dongle is through {@code /dev/serial/by-id/...}.
 *
 * <p>{@link #kill()} is the unplug: socat ends, both terminals hang up and both links vanish.
 * {@link #start()} plugs back in: new terminals behind the same link paths (the {@code /dev/pts} numbers may
 * differ, as {@code ttyUSB0} may come back as {@code ttyUSB1}).
 */
public final class PtyPair implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 10_000;

    private final Path socat;
    private final Path dir;
    private final Path a;
    private final Path b;
    private final Path log;
    private Process process;

    private PtyPair() {
        socat = ExternalProgram.require("socat", "socat");
        try {
            dir = Files.createTempDirectory("ptypair");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        a = dir.resolve("a");
        b = dir.resolve("b");
        log = dir.resolve("socat.log");
    }

    /** A started pair. */
    public static PtyPair open() {
        return new PtyPair().start();
    }

    /** Starts socat (again) and waits until both link paths lead to a terminal; fails with its log otherwise. */
    public PtyPair start() {
        if (isPlugged()) {
            throw new IllegalStateException("socat already running for " + a + " and " + b);
        }
        try {
            // A killed socat may leave dangling links behind; socat would refuse to replace them.
            Files.deleteIfExists(a);
            Files.deleteIfExists(b);
            process = new ProcessBuilder(socat.toString(), "-d", "-d",
                    "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + socat, e);
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!process.isAlive()) {
                throw new IllegalStateException("socat exited with " + process.exitValue() + ":\n"
                        + ExternalProgram.tail(log, 4000));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("socat links " + a + ", " + b + " not there after "
                        + START_TIMEOUT_MS + " ms:\n" + ExternalProgram.tail(log, 4000));
            }
            sleep(10);
        }
        return this;
    }

    /** Unplugs: ends socat and waits until it is gone (both terminals hung up, links removed). */
    public void kill() {
        ExternalProgram.stop(process, 5_000);
        try {
            Files.deleteIfExists(a);
            Files.deleteIfExists(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether socat is running (the dongle is plugged in). */
    public boolean isPlugged() {
        return process != null && process.isAlive();
    }

    /** The first end (give this to the gateway as its serial device). */
    public Path a() {
        return a;
    }

    /** The second end (the radio side, where a simulated herd writes). */
    public Path b() {
        return b;
    }

    /** Kills socat and deletes the folder. */
    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder is harmless.
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for socat", e);
        }
    }
}
