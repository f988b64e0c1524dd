package io.herdgate.gateway.alarm;

import java.util.Locale;

/** Why the desk did not send an alarm (table {@code alarm_hold}, column {@code reason}). */
public enum HoldReason {
    /** A silence covered it. */
    SILENCED,
    /** A per-collar offline alarm while the dongle was unplugged or the gateway offline (or within the grace after). */
    GATEWAY_PROBLEM,
    /** Raised more often than flap damping allows. */
    FLAPPING,
    /** No route of the contacts file matches it. */
    NO_ROUTE,
    /** Every recipient of its first message had answered STOP. */
    OPTED_OUT,
    /** Cleared or acknowledged while it waited (grouping window, quiet hours, a hold) before its message was due. */
    OVER_BEFORE_SENDING;

    /** The name stored in the database and shown to people: {@code gateway_problem}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason of a stored {@link #label()}. */
    static HoldReason ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
