package io.herdgate.gateway.siren;

import io.herdgate.gateway.store.AlarmId;
import io.herdgate.rules.alarm.Severity;
import java.time.Instant;
import java.util.Objects;

/** A change of an alarm's state as the alarm side (lifecycle) sees it; {@code at} is the clock's time of it. */
public sealed interface AlarmChange {

    AlarmId alarm();

    Instant at();

    /** The alarm was raised (or re-raised after a snooze ran out) and farmers are being told. */
    record Raised(AlarmId alarm, Severity severity, Instant at) implements AlarmChange {
        public Raised {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(at, "at");
        }

        public static Raised of(AlarmId alarm, Severity severity, Instant at) {
            return new Raised(alarm, severity, at);
        }
    }

    /** Someone took the alarm (a reply on any channel, the CLI, the HTTP API). */
    record Acknowledged(AlarmId alarm, Instant at) implements AlarmChange {
        public Acknowledged {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(at, "at");
        }

        public static Acknowledged of(AlarmId alarm, Instant at) {
            return new Acknowledged(alarm, at);
        }
    }

    /** The condition ended. */
    record Cleared(AlarmId alarm, Instant at) implements AlarmChange {
        public Cleared {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(at, "at");
        }

        public static Cleared of(AlarmId alarm, Instant at) {
            return new Cleared(alarm, at);
        }
    }
}
