package io.herdgate.gateway.console;

import java.time.Instant;
import java.util.Objects;

/**
 * An active alarm as the console lists it.
 *
 * @param cow      the cow's name or ear tag as the farmer knows it
 * @param kind     what was detected, e.g. {@code heat}, {@code calving}, {@code cow down}
 * @param raisedAt when the alarm was raised
 * @param detail   one line of explanation, may be empty
 */
public record ConsoleAlarm(String cow, String kind, Instant raisedAt, String detail) {

    public ConsoleAlarm {
        Objects.requireNonNull(cow, "cow");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(detail, "detail");
    }

    public static ConsoleAlarm of(String cow, String kind, Instant raisedAt, String detail) {
        return new ConsoleAlarm(cow, kind, raisedAt, detail);
    }
}
