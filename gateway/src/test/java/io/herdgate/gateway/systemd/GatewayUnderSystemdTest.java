package io.herdgate.gateway.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herdgate run} as systemd starts it for a {@code Type=notify} unit with {@code WatchdogSec=}: a real
 * gateway process with {@code NOTIFY_SOCKET} and {@code WATCHDOG_USEC} set, talking to a datagram socket
 * bound here as systemd's would be.
 */
class GatewayUnderSystemdTest {

    @TempDir
    Path dir;

    @Test
    void run_underSystemd_isReadyThenKeepsTheWatchdogFedThenSaysStopping() throws Exception {
        Path config = Files.writeString(dir.resolve("herdgate.yaml"), "data_dir: data\nhttp:\n  port: 0\n");
        Path notify = dir.resolve("notify");
        try (NotifySocket systemd = NotifySocket.bind(notify)) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("gateway.log").toFile());
            pb.environment().put("NOTIFY_SOCKET", notify.toString());
            pb.environment().put("WATCHDOG_USEC", "400000");
            Process gateway = pb.start();
            try {
                String ready = systemd.receive(60_000).orElseThrow(() -> new AssertionError("no READY=1; log:\n"
                        + log()));
                assertTrue(Pattern.matches("READY=1\nSTATUS=running: 0 collars paired, HTTP on port [0-9]+", ready), ready);
                assertEquals("WATCHDOG=1", systemd.receive(10_000).orElseThrow());
                assertEquals("WATCHDOG=1", systemd.receive(10_000).orElseThrow());

                gateway.destroy(); // SIGTERM, as systemctl stop
                String last = systemd.receive(10_000).orElseThrow();
                while (last.equals("WATCHDOG=1")) {
                    last = systemd.receive(10_000).orElseThrow();
                }
                assertEquals("STOPPING=1", last);
                assertTrue(gateway.waitFor(30, TimeUnit.SECONDS), "gateway did not stop");
            } finally {
                gateway.destroyForcibly();
            }
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("gateway.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
