package io.herdgate.protocol.message;

/**
 * Acknowledges an uplink the collar flagged as ack-requested, so it can drop it from its buffer.
 *
 * @param ackedCounter the full 32-bit frame counter of the acknowledged uplink
 */
public record Ack(long ackedCounter) implements Downlink {

    public Ack {
        CollarStatus.checkU32("ackedCounter", ackedCounter);
    }

    public static Ack of(long ackedCounter) {
        return new Ack(ackedCounter);
    }

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }
}
