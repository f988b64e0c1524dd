package io.herdgate.protocol.codec;

/**
 * How a sender puts a message on air.
 *
 * @param encrypted    encrypt the payload with the session payload key
 * @param ackRequested ask the receiver for an {@code Ack}
 * @param shortCounter send only the low 16 bits of the counter (see {@code PROTOCOL.md} "Frame counter"
 *                     for when a sender may)
 */
public record FrameOptions(boolean encrypted, boolean ackRequested, boolean shortCounter) {

    /** Clear payload, no ack, 32-bit counter. */
    public static final FrameOptions PLAIN = new FrameOptions(false, false, false);

    public static FrameOptions of(boolean encrypted, boolean ackRequested, boolean shortCounter) {
        return new FrameOptions(encrypted, ackRequested, shortCounter);
    }
}
