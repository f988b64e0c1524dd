package io.herdgate.gateway.alarm;

import java.util.Locale;

/** Problems of the gateway itself rather than of a cow; the first two inhibit per-collar offline alarms. */
public enum GatewayProblem {
    /** The USB radio dongle is unplugged or not answering: no collar can be heard. */
    DONGLE_UNPLUGGED,
    /** The gateway cannot reach its collars' broker / network. */
    GATEWAY_OFFLINE,
    /** The outbox is full; less urgent notifications are being dropped. */
    OUTBOX_FULL;

    /** Whether this problem explains collars going silent. */
    public boolean inhibitsOffline() {
        return this != OUTBOX_FULL;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
