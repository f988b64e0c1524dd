package io.herdgate.protocol.session;

/** The counter sequences kept per collar. */
public enum CounterStream {
    /** Frame counters of collar → gateway frames. */
    UPLINK,
    /** Frame counters of gateway → collar frames. */
    DOWNLINK,
    /** Collar nonces of join requests; they only ever increase for one root key. */
    JOIN
}
