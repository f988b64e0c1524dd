package io.herdgate.gateway.outbox;

import java.util.Locale;

/** Where one outbox row is; only {@link #PENDING} and {@link #IN_FLIGHT} count against the capacity. */
public enum OutboxState {
    /** Waiting to be sent (or retried) at its due time. */
    PENDING,
    /** A channel is being asked right now; found at start-up it means the process died mid-send. */
    IN_FLIGHT,
    /** A provider accepted it. */
    SENT,
    /** No configured channel can deliver it. */
    FAILED,
    /** No longer wanted (its alarm was acknowledged, the recipient opted out). */
    CANCELLED,
    /** Pushed out by a higher-priority notification while the outbox was full. */
    DROPPED,
    /** Still not sent when it became too old to matter. */
    EXPIRED;

    /** The value in column {@code outbox.state}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OutboxState fromColumn(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
