package io.herdgate.protocol.crypto;

/**
 * Payload encryption: AES-CTR under the payload key with counter blocks
 * {@code A_i = 0x01 | dir | eui(8) | counter(4) | i(2)} for {@code i = 1, 2, ...}, fields little-endian.
 * Byte {@code k} of the payload is XORed with byte {@code k % 16} of {@code AES-encrypt(key, A_(k/16+1))},
 * so encryption and decryption are the same operation and a collar needs only AES encryption. Reuses its
 * buffers; not thread-safe.
 */
public final class AesCtr {

    /** First byte of every counter block. */
    public static final int BLOCK_TAG = 0x01;

    private final AesBlock aes;
    private final byte[] a = new byte[16];
    private final byte[] s = new byte[16];

    private AesCtr(AesKey key) {
        aes = AesBlock.of(key);
        a[0] = BLOCK_TAG;
    }

    public static AesCtr of(AesKey key) {
        return new AesCtr(key);
    }

    /**
     * XORs the key stream for (direction, eui, counter) over {@code in[inOff, inOff+len)} into
     * {@code out[outOff...]}; {@code in} and {@code out} may be the same range.
     *
     * @param direction 0 up, 1 down
     * @param len       bytes, at most 16 × 65535
     */
    public void apply(int direction, long eui, long counter, byte[] in, int inOff, int len, byte[] out, int outOff) {
        a[1] = (byte) direction;
        for (int i = 0; i < 8; i++) {
            a[2 + i] = (byte) (eui >>> (8 * i));
        }
        for (int i = 0; i < 4; i++) {
            a[10 + i] = (byte) (counter >>> (8 * i));
        }
        for (int block = 0; block * 16 < len; block++) {
            int i = block + 1;
            a[14] = (byte) i;
            a[15] = (byte) (i >>> 8);
            aes.encrypt(a, 0, 16, s, 0);
            int base = block * 16;
            int n = Math.min(16, len - base);
            for (int k = 0; k < n; k++) {
                out[outOff + base + k] = (byte) (in[inOff + base + k] ^ s[k]);
            }
        }
    }
}
