package io.herdgate.gateway.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifierTest {

    @TempDir
    Path dir;

    @Test
    void send_toBoundSocketPath_arrivesAsOneDatagramOfLines() throws Exception {
        Path path = dir.resolve("notify");
        try (NotifySocket systemd = NotifySocket.bind(path)) {
            Notifier notifier = Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path.toString()));

            NotifyResult result = notifier.send(List.of(Notice.READY, Notice.Status.of("12 collars")));

            assertEquals(NotifyResult.DELIVERED, result);
            assertEquals("READY=1\nSTATUS=12 collars", systemd.receive(5_000).orElseThrow());
        }
    }

    @Test
    void send_toAbstractSocketName_arrives() throws Exception {
        String name = "herdgate-test-" + UUID.randomUUID();
        try (NotifySocket systemd = NotifySocket.bindAbstract(name)) {
            Notifier notifier = Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "@" + name));

            assertEquals(NotifyResult.DELIVERED, notifier.send(Notice.WATCHDOG));
            assertEquals("WATCHDOG=1", systemd.receive(5_000).orElseThrow());
        }
    }

    @Test
    void send_whenNoSocketListens_isFailedNamingTheSocket() {
        Path path = dir.resolve("nobody-here");
        Notifier notifier = Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path.toString()));

        NotifyResult result = notifier.send(Notice.READY);

        NotifyResult.Failed failed = assertInstanceOf(NotifyResult.Failed.class, result);
        assertTrue(failed.reason().contains(path.toString()), failed.reason());
    }

    @Test
    void fromEnvironment_withoutNotifySocket_isUnsupervised() {
        assertEquals(NotifyResult.UNSUPERVISED, Notifier.fromEnvironment(Map.of()).send(Notice.READY));
        assertEquals(NotifyResult.UNSUPERVISED,
                Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "")).send(Notice.READY));
    }

    @Test
    void fromEnvironment_withVsockAddress_failsNamingTheAllowedForms() {
        NotifyResult result = Notifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "vsock:2:1234")).send(Notice.READY);

        NotifyResult.Failed failed = assertInstanceOf(NotifyResult.Failed.class, result);
        assertTrue(failed.reason().contains("vsock:2:1234") && failed.reason().contains("@abstract-name"),
                failed.reason());
    }

    @Test
    void status_withLineBreaksAndLongText_staysOneBoundedLine() {
        Notice.Status status = Notice.Status.of("serial link down\nretrying" + "x".repeat(300));

        assertEquals(Notice.Status.MAX_LENGTH, status.text().length());
        assertTrue(status.line().startsWith("STATUS=serial link down retrying"));
    }
}
