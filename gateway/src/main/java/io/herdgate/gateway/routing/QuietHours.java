package io.herdgate.gateway.routing;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A daily span of local time in which a contact gets only critical alarms; others wait for its end.
 * {@code from} is inclusive, {@code to} exclusive; a span with {@code from} after {@code to} runs over
 * midnight (22:00–06:00). Local times are read in {@code zone}, so the span follows daylight saving.
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time: " + from);
        }
    }

    public static QuietHours of(LocalTime from, LocalTime to, ZoneId zone) {
        return new QuietHours(from, to, zone);
    }

    /** Whether {@code t} falls in the quiet hours. */
    public boolean holds(Instant t) {
        LocalTime local = t.atZone(zone).toLocalTime();
        return from.isBefore(to)
                ? !local.isBefore(from) && local.isBefore(to)
                : !local.isBefore(from) || local.isBefore(to);
    }

    /** The first instant at or after {@code t} outside the quiet hours ({@code t} itself when not quiet). */
    public Instant endAfter(Instant t) {
        if (!holds(t)) {
            return t;
        }
        ZonedDateTime z = t.atZone(zone);
        ZonedDateTime end = z.with(to);
        if (!end.isAfter(z)) {
            end = z.plusDays(1).with(to);
        }
        return end.toInstant();
    }
}
