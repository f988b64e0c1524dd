package io.herdgate.rules.alarm;

import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One alarm of one cow. Immutable: an update or the clearing yields a new value.
 *
 * @param cow               the cow
 * @param type              what was detected
 * @param raisedAt          event time at which the condition was confirmed (not the wall-clock time
 *                          of processing)
 * @param severity          how urgent
 * @param clearedAt         event time at which the condition ended, when it has
 * @param explanation       the numbers behind the alarm
 * @param nextExpectedHeat  heat alarms only: raised-at plus the cycle length (about 21 days)
 */
public record Alarm(CowId cow, AlarmType type, Instant raisedAt, Severity severity,
                    Optional<Instant> clearedAt, Explanation explanation, Optional<Instant> nextExpectedHeat) {

    public Alarm {
        Objects.requireNonNull(cow, "cow");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(clearedAt, "clearedAt");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(nextExpectedHeat, "nextExpectedHeat");
    }

    public static Alarm of(CowId cow, AlarmType type, Instant raisedAt, Severity severity, Explanation explanation) {
        return new Alarm(cow, type, raisedAt, severity, Optional.empty(), explanation, Optional.empty());
    }

    public boolean isActive() {
        return clearedAt.isEmpty();
    }

    public Alarm withExplanation(Explanation e) {
        return new Alarm(cow, type, raisedAt, severity, clearedAt, e, nextExpectedHeat);
    }

    public Alarm withType(AlarmType t) {
        return new Alarm(cow, t, raisedAt, severity, clearedAt, explanation, nextExpectedHeat);
    }

    public Alarm withNextExpectedHeat(Instant at) {
        return new Alarm(cow, type, raisedAt, severity, clearedAt, explanation, Optional.of(at));
    }

    public Alarm clearedAt(Instant at) {
        return new Alarm(cow, type, raisedAt, severity, Optional.of(at), explanation, nextExpectedHeat);
    }
}
