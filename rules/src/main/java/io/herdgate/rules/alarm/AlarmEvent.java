package io.herdgate.rules.alarm;

import java.time.Instant;

/**
 * A change of an alarm, in event time. For one cow and type the sequence is always
 * raised, updated*, cleared (the last one may still be to come); at most one alarm per cow and type is
 * active.
 */
public sealed interface AlarmEvent {

    /** The alarm as it is after this event. */
    Alarm alarm();

    /** Event time of the change. */
    Instant at();

    /** The alarm has just been confirmed; {@code at} equals {@code alarm.raisedAt()}. */
    record Raised(Alarm alarm) implements AlarmEvent {
        public static Raised of(Alarm alarm) {
            return new Raised(alarm);
        }

        @Override
        public Instant at() {
            return alarm.raisedAt();
        }
    }

    /**
     * Something worth re-telling changed while the alarm is active (an escalation, a relabelling), for
     * consumers that keep alarms up to date. The detectors of this version decide everything when they
     * raise, so the engine emits only raised and cleared; consumers should still handle this case.
     */
    record Updated(Alarm alarm, Instant at) implements AlarmEvent {
        public static Updated of(Alarm alarm, Instant at) {
            return new Updated(alarm, at);
        }
    }

    /** The condition has ended; {@code alarm.clearedAt()} is present and equals {@code at}. */
    record Cleared(Alarm alarm) implements AlarmEvent {
        public static Cleared of(Alarm alarm) {
            return new Cleared(alarm);
        }

        @Override
        public Instant at() {
            return alarm.clearedAt().orElseThrow();
        }
    }
}
