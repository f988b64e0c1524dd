package io.herdgate.gateway.systemd;

import java.util.List;
import java.util.Map;

/** Sends sd_notify messages to the service manager. Implementations are thread-safe. */
public interface Notifier {

    /** Sends the notices as one message (one datagram, lines in the given order). */
    NotifyResult send(List<Notice> notices);

    default NotifyResult send(Notice notice) {
        return send(List.of(notice));
    }

    /**
     * The notifier for this process's environment: {@code NOTIFY_SOCKET} starting with {@code /} is a
     * socket path, with {@code @} an abstract socket name; unset or empty means not supervised (every
     * send is {@link NotifyResult.Unsupervised}); any other form (e.g. {@code vsock:}) fails each send
     * with a reason naming the value.
     */
    static Notifier fromEnvironment(Map<String, String> environment) {
        String socket = environment.getOrDefault("NOTIFY_SOCKET", "");
        if (socket.isEmpty()) {
            return notices -> NotifyResult.UNSUPERVISED;
        }
        if (socket.startsWith("/") || socket.startsWith("@")) {
            return DatagramNotifier.of(socket);
        }
        NotifyResult unsupported = NotifyResult.Failed.of(
                "NOTIFY_SOCKET=" + socket + " is not supported (allowed: a socket path or @abstract-name)");
        return notices -> unsupported;
    }
}
