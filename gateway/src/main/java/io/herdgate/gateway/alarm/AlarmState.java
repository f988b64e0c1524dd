package io.herdgate.gateway.alarm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Where an alarm is: active or cleared, and acknowledged or not. */
public sealed interface AlarmState {

    /** The condition holds and nobody has taken it on: the message chain runs. */
    record ActiveUnacknowledged() implements AlarmState {
    }

    /** The condition holds and someone has taken it on: no more messages. */
    record ActiveAcknowledged(Acknowledgement ack) implements AlarmState {
        public ActiveAcknowledged {
            Objects.requireNonNull(ack, "ack");
        }
    }

    /** The condition ended before anyone acknowledged it. */
    record ClearedUnacknowledged(Instant clearedAt) implements AlarmState {
        public ClearedUnacknowledged {
            Objects.requireNonNull(clearedAt, "clearedAt");
        }
    }

    /** The condition ended and it had been acknowledged (or was resolved by hand). */
    record ClearedAcknowledged(Instant clearedAt, Acknowledgement ack) implements AlarmState {
        public ClearedAcknowledged {
            Objects.requireNonNull(clearedAt, "clearedAt");
            Objects.requireNonNull(ack, "ack");
        }
    }

    static AlarmState of(Optional<Instant> clearedAt, Optional<Acknowledgement> ack) {
        if (clearedAt.isEmpty()) {
            return ack.<AlarmState>map(ActiveAcknowledged::new).orElseGet(ActiveUnacknowledged::new);
        }
        return ack.<AlarmState>map(a -> new ClearedAcknowledged(clearedAt.get(), a))
                .orElseGet(() -> new ClearedUnacknowledged(clearedAt.get()));
    }

    default boolean active() {
        return this instanceof ActiveUnacknowledged || this instanceof ActiveAcknowledged;
    }

    default boolean acknowledged() {
        return this instanceof ActiveAcknowledged || this instanceof ClearedAcknowledged;
    }

    /** {@code active}, {@code acknowledged}, {@code cleared} or {@code cleared-acknowledged}. */
    default String label() {
        if (this instanceof ActiveUnacknowledged) {
            return "active";
        }
        if (this instanceof ActiveAcknowledged) {
            return "acknowledged";
        }
        return this instanceof ClearedUnacknowledged ? "cleared" : "cleared-acknowledged";
    }
}
