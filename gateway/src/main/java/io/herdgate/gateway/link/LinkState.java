package io.herdgate.gateway.link;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a link stands, and since when (gateway clock). A link goes {@code Connecting → Up}; on a loss it
 * goes {@code Down} (with the error) and tries again by itself; {@code Closed} is final.
 */
public sealed interface LinkState {

    /** Since when the link has been in this state. */
    Instant since();

    /** Created or reconnecting, no error yet. */
    record Connecting(Instant since) implements LinkState {
        public Connecting {
            Objects.requireNonNull(since, "since");
        }

        @Override
        public String label() {
            return "connecting";
        }
    }

    /** Carrying frames. */
    record Up(Instant since) implements LinkState {
        public Up {
            Objects.requireNonNull(since, "since");
        }

        @Override
        public String label() {
            return "up";
        }
    }

    /**
     * Not carrying frames; the link retries by itself.
     *
     * @param error what went wrong last (device missing, connection refused...), for the operator
     */
    record Down(Instant since, String error) implements LinkState {
        public Down {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String label() {
            return "down";
        }
    }

    /** Closed by the gateway; it will not reconnect. */
    record Closed(Instant since) implements LinkState {
        public Closed {
            Objects.requireNonNull(since, "since");
        }

        @Override
        public String label() {
            return "closed";
        }
    }

    /** A short name for logs and {@code /health}: {@code connecting}, {@code up}, {@code down}, {@code closed}. */
    String label();
}
