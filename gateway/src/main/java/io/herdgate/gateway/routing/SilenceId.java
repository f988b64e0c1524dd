package io.herdgate.gateway.routing;

/** A silence's row id, ≥ 1. */
public record SilenceId(long value) {

    public SilenceId {
        if (value < 1) {
            throw new IllegalArgumentException("silence id must be >= 1: " + value);
        }
    }

    public static SilenceId of(long value) {
        return new SilenceId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
