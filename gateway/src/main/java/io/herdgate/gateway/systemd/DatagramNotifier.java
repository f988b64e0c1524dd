package io.herdgate.gateway.systemd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Sends each message as one datagram on a unix socket, through a fresh unbound socket per message
 * (messages are rare: at most a few per watchdog period, and systemd may be restarted in between).
 */
final class DatagramNotifier implements Notifier {

    private final String socket;

    private DatagramNotifier(String socket) {
        this.socket = socket;
    }

    /** {@code socket}: a path starting with {@code /}, or {@code @name} for the abstract namespace. */
    static DatagramNotifier of(String socket) {
        Objects.requireNonNull(socket, "socket");
        if (!socket.startsWith("/") && !socket.startsWith("@")) {
            throw new IllegalArgumentException("notify socket must be a path or @name, got " + socket);
        }
        return new DatagramNotifier(socket);
    }

    @Override
    public NotifyResult send(List<Notice> notices) {
        if (notices.isEmpty()) {
            throw new IllegalArgumentException("nothing to send");
        }
        byte[] message = notices.stream().map(Notice::line).collect(Collectors.joining("\n"))
                .getBytes(StandardCharsets.UTF_8);
        try (AFUNIXDatagramChannel out = AFUNIXDatagramChannel.open()) {
            out.send(ByteBuffer.wrap(message), address());
            return NotifyResult.DELIVERED;
        } catch (IOException e) {
            return NotifyResult.Failed.of("notify socket " + socket + ": " + e.getMessage());
        }
    }

    private AFUNIXSocketAddress address() throws IOException {
        return socket.startsWith("@")
                ? AFUNIXSocketAddress.inAbstractNamespace(socket.substring(1))
                : AFUNIXSocketAddress.of(Path.of(socket));
    }

    @Override
    public String toString() {
        return "DatagramNotifier[" + socket + "]";
    }
}
