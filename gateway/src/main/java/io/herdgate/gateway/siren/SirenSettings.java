package io.herdgate.gateway.siren;

import io.herdgate.rules.alarm.Severity;
import java.time.Duration;
import java.util.Objects;

/**
 * When the siren sounds.
 *
 * @param enabled            false: the siren never sounds
 * @param minSeverity        alarms of this severity or above can sound it (default critical: cow down)
 * @param unacknowledgedFor  how long an alarm may stay unacknowledged before the siren sounds, 1 min .. 2 h
 * @param soundFor           longest the siren sounds without anyone reacting, 1 min .. 2 h; after that it
 *                           stops (neighbours, livestock) while the messages keep escalating
 */
public record SirenSettings(boolean enabled, Severity minSeverity, Duration unacknowledgedFor, Duration soundFor) {

    public SirenSettings {
        Objects.requireNonNull(minSeverity, "minSeverity");
        within("siren.unacknowledged_for", unacknowledgedFor);
        within("siren.sound_for", soundFor);
    }

    private static void within(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(Duration.ofHours(2)) > 0) {
            throw new IllegalArgumentException(name + " must be 1m..2h: " + d);
        }
    }

    public static SirenSettings of(boolean enabled, Severity minSeverity, Duration unacknowledgedFor, Duration soundFor) {
        return new SirenSettings(enabled, minSeverity, unacknowledgedFor, soundFor);
    }

    /** On, critical alarms, after 10 minutes unacknowledged, for at most 15 minutes. */
    public static SirenSettings defaults() {
        return of(true, Severity.CRITICAL, Duration.ofMinutes(10), Duration.ofMinutes(15));
    }
}
