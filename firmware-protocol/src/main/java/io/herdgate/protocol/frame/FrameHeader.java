package io.herdgate.protocol.frame;

import io.herdgate.protocol.message.MessageType;

/**
 * The header of a decoded frame.
 *
 * @param versionMinor  minor protocol version of the sender, 0..15 (the major is always
 *                      {@link FrameLayout#VERSION_MAJOR})
 * @param type          message type
 * @param direction     up or down
 * @param encrypted     the payload was encrypted on air
 * @param ackRequested  the sender asked for an acknowledgement
 * @param shortCounter  only the low 16 bits of the counter were on air
 * @param payloadLength payload bytes on air, 0..{@link FrameLayout#MAX_PAYLOAD}
 * @param eui           the collar's address
 * @param counter       the full 32-bit frame counter, 0..2^32-1 (rebuilt from the last accepted one when
 *                      only 16 bits were on air; for a frame decoded without session state it is the
 *                      value on air)
 */
public record FrameHeader(int versionMinor, MessageType type, Direction direction, boolean encrypted,
                          boolean ackRequested, boolean shortCounter, int payloadLength, CollarEui eui,
                          long counter) {

    public FrameHeader {
        if (versionMinor < 0 || versionMinor > 15) {
            throw new IllegalArgumentException("versionMinor out of 0..15: " + versionMinor);
        }
        if (payloadLength < 0 || payloadLength > FrameLayout.MAX_PAYLOAD) {
            throw new IllegalArgumentException("payloadLength out of 0.." + FrameLayout.MAX_PAYLOAD + ": " + payloadLength);
        }
        if (counter < 0 || counter > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("counter out of 0..2^32-1: " + counter);
        }
    }

    public static FrameHeader of(int versionMinor, MessageType type, Direction direction, boolean encrypted,
                                 boolean ackRequested, boolean shortCounter, int payloadLength, CollarEui eui,
                                 long counter) {
        return new FrameHeader(versionMinor, type, direction, encrypted, ackRequested, shortCounter, payloadLength,
                eui, counter);
    }

    /** This header with the full counter in place of the one on air. */
    public FrameHeader withCounter(long fullCounter) {
        return new FrameHeader(versionMinor, type, direction, encrypted, ackRequested, shortCounter, payloadLength,
                eui, fullCounter);
    }

    /** Size of this frame's header on air. */
    public int headerSize() {
        return FrameLayout.headerSize(shortCounter);
    }

    /** Size of the whole frame on air: header, payload and MIC. */
    public int frameSize() {
        return headerSize() + payloadLength + FrameLayout.MIC_SIZE;
    }
}
