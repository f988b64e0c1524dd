package io.herdgate.gateway.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Finds and runs the programs the fixtures drive (mosquitto, socat, openssl, mosquitto_passwd). */
final class ExternalProgram {

    private static final List<Path> SEARCH = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"),
            Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"), Path.of("/sbin"), Path.of("/bin"));

    private ExternalProgram() {
    }

    /**
     * The executable {@code name}; fails the test when it is missing and {@code CI} is set, skips it with a
     * message naming the package to install otherwise.
     */
    static Path require(String name, String debianPackage) {
        for (Path dir : SEARCH) {
            Path p = dir.resolve(name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String msg = name + " not found in " + SEARCH + "; install it (apt-get install " + debianPackage + ")";
        if (System.getenv("CI") != null) {
            fail(msg);
        }
        Assumptions.abort(msg);
        throw new AssertionError(msg);
    }

    /** Runs a short command to completion; throws with its output when it fails or takes over 30 s. */
    static void run(Path dir, String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        try {
            Path log = Files.createTempFile(dir, "cmd", ".log");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after 30 s: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("exit " + p.exitValue() + ": " + String.join(" ", cmd) + "\n"
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
        }
    }

    /** The last {@code maxChars} characters of a log file, for failure messages. */
    static String tail(Path log, int maxChars) {
        try {
            String s = Files.readString(log);
            return s.length() <= maxChars ? s : "..." + s.substring(s.length() - maxChars);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops a process: SIGTERM, then SIGKILL after {@code graceMillis}; waits until it is gone. */
    static void stop(Process p, long graceMillis) {
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
