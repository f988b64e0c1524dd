package io.herdgate.protocol.firmware;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two connected pseudo-terminals made by {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}, as a USB
 * serial dongle looks to the gateway. {@link #cut()} kills socat, which breaks both ends like a pulled
 * cable. Without socat the test is skipped, or fails when the environment variable CI is set.
 */
final class SocatPtyPair implements AutoCloseable {

    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

    private final Process socat;
    private final Path gatewayEnd;
    private final Path collarEnd;

    private SocatPtyPair(Process socat, Path gatewayEnd, Path collarEnd) {
        this.socat = socat;
        this.gatewayEnd = gatewayEnd;
        this.collarEnd = collarEnd;
    }

    static SocatPtyPair start() throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0").start();
        } catch (IOException e) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("socat is required for the serial end-to-end tests (tools/test installs it)", e);
            }
            Assumptions.abort("socat not installed; skipping the serial end-to-end test: " + e.getMessage());
            throw e;
        }
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<List<Path>> paths = CompletableFuture.supplyAsync(() -> {
            List<Path> found = new ArrayList<>();
            try {
                String line;
                while (found.size() < 2 && (line = err.readLine()) != null) {
                    Matcher m = PTY.matcher(line);
                    if (m.find()) {
                        found.add(Path.of(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // socat died; the size check below reports it
            }
            return found;
        });
        List<Path> found;
        try {
            found = paths.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("socat printed no PTY paths within 10 s", e);
        }
        if (found.size() < 2) {
            p.destroyForcibly();
            throw new IOException("socat exited before printing two PTY paths: " + found);
        }
        // Keep draining stderr so socat never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // discard
                }
            } catch (IOException e) {
                // socat gone
            }
        }, "socat-stderr");
        drain.setDaemon(true);
        drain.start();
        return new SocatPtyPair(p, found.get(0), found.get(1));
    }

    Path gatewayEnd() {
        return gatewayEnd;
    }

    Path collarEnd() {
        return collarEnd;
    }

    /** Kills socat: both ends fail from now on. */
    void cut() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        cut();
    }
}
