package io.herdgate.gateway.config;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A nightly quiet period {@code [start, end)} in local time; {@code end} before {@code start} spans midnight.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time: " + start);
        }
    }

    public static QuietHours of(LocalTime start, LocalTime end) {
        return new QuietHours(start, end);
    }

    /** Whether {@code t} falls inside the quiet period. */
    public boolean contains(LocalTime t) {
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }
}
