package io.herdgate.gateway.outbox;

/** A row of the outbox, ≥ 1. */
public record OutboxId(long value) {

    public OutboxId {
        if (value < 1) {
            throw new IllegalArgumentException("outbox id must be >= 1: " + value);
        }
    }

    public static OutboxId of(long value) {
        return new OutboxId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
