package io.herdgate.protocol.message;

/**
 * A collar asks to join: sent in clear, authenticated with the collar's root key.
 *
 * @param collarNonce a nonce the collar never reuses with the same root key, 0..65535
 * @param firmware    the firmware the collar runs
 */
public record JoinRequest(int collarNonce, FirmwareVersion firmware) implements Uplink {

    public JoinRequest {
        if (collarNonce < 0 || collarNonce > 0xFFFF) {
            throw new IllegalArgumentException("collarNonce out of 0..65535: " + collarNonce);
        }
    }

    public static JoinRequest of(int collarNonce, FirmwareVersion firmware) {
        return new JoinRequest(collarNonce, firmware);
    }

    @Override
    public MessageType type() {
        return MessageType.JOIN_REQUEST;
    }
}
