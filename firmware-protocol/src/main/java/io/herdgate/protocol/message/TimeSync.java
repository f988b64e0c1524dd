package io.herdgate.protocol.message;

/**
 * Sets the collar clock.
 *
 * @param gatewayTimeMs gateway wall clock at send, ms since the Unix epoch, 0..2^48-1
 */
public record TimeSync(long gatewayTimeMs) implements Downlink {

    public TimeSync {
        if (gatewayTimeMs < 0 || gatewayTimeMs > 0xFFFF_FFFF_FFFFL) {
            throw new IllegalArgumentException("gatewayTimeMs out of 0..2^48-1: " + gatewayTimeMs);
        }
    }

    public static TimeSync of(long gatewayTimeMs) {
        return new TimeSync(gatewayTimeMs);
    }

    @Override
    public MessageType type() {
        return MessageType.TIME_SYNC;
    }
}
