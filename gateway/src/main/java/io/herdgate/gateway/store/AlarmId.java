package io.herdgate.gateway.store;

/** An alarm's row id in table {@code alarm}, ≥ 1; stable for the life of the database. */
public record AlarmId(long value) {

    public AlarmId {
        if (value < 1) {
            throw new IllegalArgumentException("alarm id must be >= 1: " + value);
        }
    }

    public static AlarmId of(long value) {
        return new AlarmId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
