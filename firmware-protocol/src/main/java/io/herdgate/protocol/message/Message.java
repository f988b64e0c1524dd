package io.herdgate.protocol.message;

/**
 * A decoded collar message. Uplinks travel collar → gateway, downlinks gateway → collar.
 * Every implementation is an immutable record; arrays inside are defensively copied.
 */
public sealed interface Message permits Uplink, Downlink {

    /** The wire type code of this message (the frame's {@code type} byte). */
    MessageType type();
}
