package io.herdgate.gateway.console;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A paired collar as the console lists it.
 *
 * @param collar         the collar's id as printed on it
 * @param cow            the cow wearing it
 * @param lastSeen       when its last frame arrived; empty when never heard from
 * @param online         heard from within its offline timeout
 * @param batteryPercent last reported charge 0–100; empty when unknown
 */
public record ConsoleCollar(String collar, String cow, Optional<Instant> lastSeen, boolean online,
                            OptionalInt batteryPercent) {

    public ConsoleCollar {
        Objects.requireNonNull(collar, "collar");
        Objects.requireNonNull(cow, "cow");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(batteryPercent, "batteryPercent");
        if (batteryPercent.isPresent() && (batteryPercent.getAsInt() < 0 || batteryPercent.getAsInt() > 100)) {
            throw new IllegalArgumentException("battery must be 0-100 %: " + batteryPercent.getAsInt());
        }
    }

    public static ConsoleCollar of(String collar, String cow, Optional<Instant> lastSeen, boolean online,
                                   OptionalInt batteryPercent) {
        return new ConsoleCollar(collar, cow, lastSeen, online, batteryPercent);
    }
}
