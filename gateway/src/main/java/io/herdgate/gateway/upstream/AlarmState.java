package io.herdgate.gateway.upstream;

import java.util.Locale;

/** Where an alarm stands after a change, as published upstream (lower case on the wire). */
public enum AlarmState {
    /** The detector raised it. */
    RAISED,
    /** Something about the active alarm changed (severity, escalation to the next contact). */
    UPDATED,
    /** A farmer said they take care of it. */
    ACKNOWLEDGED,
    /** A farmer asked to be reminded later. */
    SNOOZED,
    /** The condition ended. */
    CLEARED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
