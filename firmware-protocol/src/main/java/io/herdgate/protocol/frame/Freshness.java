package io.herdgate.protocol.frame;

/** How a decoded frame relates to the frames accepted before it from the same collar and direction. */
public enum Freshness {
    /** Its counter is above the last accepted one: process it. */
    FRESH,
    /** An exact repeat of the last accepted frame (a radio retry): recognised, not processed again. */
    DUPLICATE,
    /** Decoded without counter state (inspection tools only). */
    UNCHECKED
}
