package io.herdgate.protocol.message;

/**
 * The gateway accepts a join. Session keys are derived on both sides from the root key, this nonce,
 * the network id and the collar's nonce, exactly as LoRaWAN 1.0 derives NwkSKey and AppSKey.
 *
 * @param gatewayNonce 24-bit nonce, 0..0xFFFFFF
 * @param networkId    24-bit network id, 0..0xFFFFFF
 * @param gatewayTimeS gateway wall clock at send, seconds since the Unix epoch (gives the collar a clock)
 * @param config       the collar's first configuration
 */
public record JoinAccept(int gatewayNonce, int networkId, long gatewayTimeS, CollarConfig config) implements Downlink {

    public JoinAccept {
        if (gatewayNonce < 0 || gatewayNonce > 0xFF_FFFF) {
            throw new IllegalArgumentException("gatewayNonce out of 0..0xFFFFFF: " + gatewayNonce);
        }
        if (networkId < 0 || networkId > 0xFF_FFFF) {
            throw new IllegalArgumentException("networkId out of 0..0xFFFFFF: " + networkId);
        }
        CollarStatus.checkU32("gatewayTimeS", gatewayTimeS);
    }

    public static JoinAccept of(int gatewayNonce, int networkId, long gatewayTimeS, CollarConfig config) {
        return new JoinAccept(gatewayNonce, networkId, gatewayTimeS, config);
    }

    @Override
    public MessageType type() {
        return MessageType.JOIN_ACCEPT;
    }
}
