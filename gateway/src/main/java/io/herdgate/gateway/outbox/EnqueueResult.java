package io.herdgate.gateway.outbox;

import java.util.Objects;

/** What {@link Outbox#enqueue} did with a notification. */
public sealed interface EnqueueResult {

    /** Stored as a new row; it will be sent. */
    record Accepted(OutboxId id) implements EnqueueResult {
        public Accepted {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A row with the same idempotency key exists already (in any state); nothing was added. */
    record AlreadyQueued(OutboxId id) implements EnqueueResult {
        public AlreadyQueued {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The outbox is full of rows at least as urgent; the notification was not stored. */
    record Full(int capacity) implements EnqueueResult {
    }
}
