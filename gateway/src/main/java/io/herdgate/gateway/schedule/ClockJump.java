package io.herdgate.gateway.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The wall clock was stepped.
 *
 * @param expected what the wall clock should have read by the monotonic clock
 * @param actual   what it read
 */
public record ClockJump(Instant expected, Instant actual) {

    public ClockJump {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }

    public static ClockJump of(Instant expected, Instant actual) {
        return new ClockJump(expected, actual);
    }

    /** The step: positive when the clock jumped forward. */
    public Duration size() {
        return Duration.between(expected, actual);
    }

    public boolean forward() {
        return actual.isAfter(expected);
    }

    @Override
    public String toString() {
        return "clock stepped " + (forward() ? "forward " : "back ") + size().abs() + " (expected " + expected + ", read " + actual + ")";
    }
}
