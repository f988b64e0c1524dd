package io.herdgate.protocol.frame;

import java.util.Locale;

/**
 * Why a frame was rejected. The {@link #wireName() wire names} appear in the decode CLI output and in
 * {@code test-vectors.json}. Checks run in the order listed in {@code PROTOCOL.md}, "Receiving a frame".
 */
public enum RejectReason {
    /** Fewer bytes than the header, or than the header plus the declared payload plus the MIC. */
    TRUNCATED,
    /** Declared payload length over {@link FrameLayout#MAX_PAYLOAD}, or more than {@link FrameLayout#MAX_FRAME} bytes. */
    OVERSIZE,
    /** More bytes than the header, declared payload and MIC add up to. */
    TRAILING_BYTES,
    /** A major version this receiver does not speak. */
    UNKNOWN_VERSION,
    /** A type code that is not assigned. */
    UNKNOWN_TYPE,
    /** Reserved flag bits set, or the direction flag contradicts the type code. */
    BAD_HEADER,
    /** The frame travels the wrong way for the receiver (a gateway got a downlink, a collar an uplink). */
    WRONG_DIRECTION,
    /** The receiver has no key for this collar. */
    UNKNOWN_COLLAR,
    /** The payload is encrypted and no payload key is available. */
    NO_PAYLOAD_KEY,
    /** The message integrity code does not match. */
    BAD_MIC,
    /** The counter is at or below the last accepted one and the frame is not an exact repeat of it. */
    REPLAYED,
    /** The payload does not follow its type's layout (too short, a value out of range, an unknown code). */
    BAD_PAYLOAD,
    /** The type is assigned but this receiver has no codec for it. */
    UNSUPPORTED_TYPE;

    /** Lower-case name used in JSON, e.g. {@code bad_mic}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
