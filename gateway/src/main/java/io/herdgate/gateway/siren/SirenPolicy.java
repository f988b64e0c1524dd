package io.herdgate.gateway.siren;

import io.herdgate.gateway.gpio.Siren;
import io.herdgate.gateway.store.AlarmId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Sounds the siren when an alarm of at least {@link SirenSettings#minSeverity()} has gone unacknowledged
 * for {@link SirenSettings#unacknowledgedFor()}. It stops on any acknowledgement (someone is on the way;
 * the overdue alarms then do not sound it again), when the overdue alarms have cleared, on the silence
 * button, or after {@link SirenSettings#soundFor()}. An alarm that was silenced never sounds the siren
 * again; an alarm not yet overdue at that moment still can.
 *
 * <p>Clock-driven: {@link #check()} must be called regularly (every few seconds; the scheduler's
 * interval job) to act on deadlines. Thread-safe.
 */
public final class SirenPolicy implements AlarmChangeListener {

    private final SirenSettings settings;
    private final Siren siren;
    private final Clock clock;
    /** Alarms that may still sound the siren, by raised-at. */
    private final Map<AlarmId, Instant> waiting = new LinkedHashMap<>();
    /** When the siren started sounding, while it does. */
    private Optional<Instant> soundingSince = Optional.empty();

    private SirenPolicy(SirenSettings settings, Siren siren, Clock clock) {
        this.settings = settings;
        this.siren = siren;
        this.clock = clock;
    }

    public static SirenPolicy of(SirenSettings settings, Siren siren, Clock clock) {
        return new SirenPolicy(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(siren, "siren"),
                Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public synchronized void onChange(AlarmChange change) {
        if (change instanceof AlarmChange.Raised r) {
            if (settings.enabled() && r.severity().compareTo(settings.minSeverity()) >= 0) {
                waiting.putIfAbsent(r.alarm(), r.at());
            }
        } else if (change instanceof AlarmChange.Acknowledged) {
            waiting.remove(change.alarm());
            if (soundingSince.isPresent()) {
                // Someone is on it: the alarms that sound the siren now are theirs to see on the way.
                waiting.values().removeIf(this::overdue);
                stop("alarm " + change.alarm() + " acknowledged");
            }
        } else {
            waiting.remove(change.alarm());
            if (waiting.values().stream().noneMatch(this::overdue)) {
                stop("alarm " + change.alarm() + " cleared");
            }
        }
        check();
    }

    /** The local silence button: stops the siren and lets none of the alarms waiting now sound it again. */
    public synchronized void silence() {
        if (soundingSince.isPresent() || !waiting.isEmpty()) {
            waiting.clear();
            stop("silence button");
        }
    }

    /** Acts on deadlines: sounds the siren for an alarm unacknowledged too long, stops it after the sound time. */
    public synchronized void check() {
        Instant now = clock.instant();
        if (soundingSince.isPresent()) {
            if (!now.isBefore(soundingSince.get().plus(settings.soundFor()))) {
                waiting.clear();
                stop("sounded for " + settings.soundFor().toMinutes() + " min");
            }
            return;
        }
        Optional<Map.Entry<AlarmId, Instant>> due = waiting.entrySet().stream()
                .filter(e -> overdue(e.getValue())).findFirst();
        if (due.isPresent()) {
            soundingSince = Optional.of(now);
            Logger.warn("Siren on: alarm {} unacknowledged for {} min", due.get().getKey(),
                    settings.unacknowledgedFor().toMinutes());
            siren.sound();
        }
    }

    private boolean overdue(Instant raisedAt) {
        return !clock.instant().isBefore(raisedAt.plus(settings.unacknowledgedFor()));
    }

    /** Whether the policy has the siren sounding. */
    public synchronized boolean sounding() {
        return soundingSince.isPresent();
    }

    private void stop(String why) {
        if (soundingSince.isPresent()) {
            soundingSince = Optional.empty();
            Logger.info("Siren off: {}", why);
            siren.silence();
        }
    }
}
