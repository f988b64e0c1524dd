package io.herdgate.protocol.crypto;

import java.util.Objects;

/**
 * The two keys of a collar session, derived at join time from the collar's root key exactly as
 * LoRaWAN 1.0 derives NwkSKey and AppSKey.
 *
 * @param micKey     authenticates every frame of the session (AES-CMAC)
 * @param payloadKey encrypts payloads of frames flagged encrypted (AES-CTR)
 */
public record SessionKeys(AesKey micKey, AesKey payloadKey) {

    /** First byte of the derivation block of the MIC key. */
    public static final int MIC_KEY_TAG = 0x01;
    /** First byte of the derivation block of the payload key. */
    public static final int PAYLOAD_KEY_TAG = 0x02;

    public SessionKeys {
        Objects.requireNonNull(micKey, "micKey");
        Objects.requireNonNull(payloadKey, "payloadKey");
    }

    public static SessionKeys of(AesKey micKey, AesKey payloadKey) {
        return new SessionKeys(micKey, payloadKey);
    }

    /**
     * Derives the session keys: {@code AES-encrypt(root, tag | gatewayNonce(3) | networkId(3) |
     * collarNonce(2) | 0x00 × 7)} with tag {@link #MIC_KEY_TAG} for the MIC key and
     * {@link #PAYLOAD_KEY_TAG} for the payload key; the fields little-endian as in the join frames.
     *
     * @param gatewayNonce 0..0xFFFFFF, from the join accept
     * @param networkId    0..0xFFFFFF, from the join accept
     * @param collarNonce  0..0xFFFF, from the join request
     */
    public static SessionKeys derive(AesKey root, int gatewayNonce, int networkId, int collarNonce) {
        AesBlock aes = AesBlock.of(root);
        return of(derive(aes, MIC_KEY_TAG, gatewayNonce, networkId, collarNonce),
                derive(aes, PAYLOAD_KEY_TAG, gatewayNonce, networkId, collarNonce));
    }

    private static AesKey derive(AesBlock aes, int tag, int gatewayNonce, int networkId, int collarNonce) {
        byte[] block = new byte[16];
        block[0] = (byte) tag;
        for (int i = 0; i < 3; i++) {
            block[1 + i] = (byte) (gatewayNonce >>> (8 * i));
            block[4 + i] = (byte) (networkId >>> (8 * i));
        }
        block[7] = (byte) collarNonce;
        block[8] = (byte) (collarNonce >>> 8);
        return AesKey.of(aes.encryptBlock(block));
    }
}
