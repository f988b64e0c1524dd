package io.herdgate.gateway.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisionTest {

    private static final long PID = 4242;

    @TempDir
    Path dir;

    @Test
    void watchdogInterval_isHalfOfWatchdogUsec() {
        assertEquals(Optional.of(Duration.ofSeconds(15)),
                Supervision.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000"), PID));
        assertEquals(Optional.of(Duration.ofSeconds(15)),
                Supervision.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "4242"), PID));
    }

    @Test
    void watchdogInterval_forAnotherProcessOrMalformed_isEmpty() {
        assertEquals(Optional.empty(),
                Supervision.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "1"), PID));
        assertEquals(Optional.empty(), Supervision.watchdogInterval(Map.of("WATCHDOG_USEC", "30s"), PID));
        assertEquals(Optional.empty(), Supervision.watchdogInterval(Map.of("WATCHDOG_USEC", "0"), PID));
        assertEquals(Optional.empty(), Supervision.watchdogInterval(Map.of(), PID));
    }

    @Test
    void lifecycle_underSystemd_sendsReadyThenWatchdogsThenStopping() throws Exception {
        Path path = dir.resolve("notify");
        try (NotifySocket systemd = NotifySocket.bind(path)) {
            Map<String, String> env = Map.of("NOTIFY_SOCKET", path.toString(),
                    "WATCHDOG_USEC", "100000", "WATCHDOG_PID", Long.toString(PID));
            Supervision supervision = Supervision.fromEnvironment(env, PID, Liveness.ALWAYS);

            assertEquals(NotifyResult.DELIVERED, supervision.ready("serial link up"));
            assertEquals("READY=1\nSTATUS=serial link up", systemd.receive(5_000).orElseThrow());
            assertEquals("WATCHDOG=1", systemd.receive(5_000).orElseThrow());
            assertEquals("WATCHDOG=1", systemd.receive(5_000).orElseThrow());

            supervision.close();
            String last = systemd.receive(5_000).orElseThrow();
            while (last.equals("WATCHDOG=1")) { // one may have been in flight when close began
                last = systemd.receive(5_000).orElseThrow();
            }
            assertEquals("STOPPING=1", last);
            assertEquals(Optional.empty(), systemd.receive(300));
        }
    }

    @Test
    void watchdog_whileUnhealthy_withholdsWatchdogAndReportsTheProblemOnce() throws Exception {
        Path path = dir.resolve("notify");
        try (NotifySocket systemd = NotifySocket.bind(path)) {
            Notifier notifier = Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path.toString()));
            AtomicReference<Optional<String>> problem = new AtomicReference<>(Optional.empty());
            ServiceWatchdog watchdog = new ServiceWatchdog(notifier, problem::get, Duration.ofSeconds(15), "ok");

            assertEquals(List.of(Notice.WATCHDOG), watchdog.tick());
            problem.set(Optional.of("pipeline silent for 95 s (allowed 60 s)"));
            assertEquals(List.of(Notice.Status.of("pipeline silent for 95 s (allowed 60 s)")), watchdog.tick());
            assertEquals(List.of(), watchdog.tick());
            problem.set(Optional.empty());
            assertEquals(List.of(Notice.WATCHDOG, Notice.Status.of("ok")), watchdog.tick());

            assertEquals("WATCHDOG=1", systemd.receive(5_000).orElseThrow());
            assertEquals("STATUS=pipeline silent for 95 s (allowed 60 s)", systemd.receive(5_000).orElseThrow());
            assertEquals("WATCHDOG=1\nSTATUS=ok", systemd.receive(5_000).orElseThrow());
        }
    }

    @Test
    void watchdog_whenLivenessThrows_treatsItAsAProblem() {
        ServiceWatchdog watchdog = new ServiceWatchdog(Notifier.fromEnvironment(Map.of()),
                () -> { throw new IllegalStateException("boom"); }, Duration.ofSeconds(15), "ok");

        List<Notice> sent = watchdog.tick();

        assertEquals(1, sent.size());
        assertTrue(sent.get(0).line().startsWith("STATUS=liveness check failed"), sent.get(0).line());
    }

    @Test
    void lifecycle_outsideSystemd_isANoOp() {
        Supervision supervision = Supervision.fromEnvironment(Map.of(), PID, Liveness.ALWAYS);

        assertEquals(NotifyResult.UNSUPERVISED, supervision.ready("up"));
        assertEquals(Optional.empty(), supervision.watchdogInterval());
        supervision.close();
    }
}
