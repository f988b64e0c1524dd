package io.herdgate.gateway.systemd;

import java.util.Objects;

/** What became of one sd_notify message. Failures are values: the gateway keeps running without systemd. */
public sealed interface NotifyResult {

    NotifyResult DELIVERED = new Delivered();
    NotifyResult UNSUPERVISED = new Unsupervised();

    /** The datagram was written to the notify socket. */
    record Delivered() implements NotifyResult {
    }

    /** Not started by systemd (no {@code NOTIFY_SOCKET}): nothing was sent, nothing needed to be. */
    record Unsupervised() implements NotifyResult {
    }

    /** The socket could not be reached or written; {@code reason} names the socket and the cause. */
    record Failed(String reason) implements NotifyResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        public static Failed of(String reason) {
            return new Failed(reason);
        }
    }
}
