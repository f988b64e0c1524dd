package io.herdgate.protocol.crypto;

/**
 * Payload encryption: AES-CTR under the payload key with counter blocks
 * {@code A_i = 0x01 | dir | eui(8) | counter(4) | i(2)} for {@code i = 1, 2, ...}, fields little-endian.
 * Byte {@code k} of the payload is XORed with byte {@code k % 16} of {@code AES-encrypt(key, A_(k/16+1))},
 * so encryption and decryption are the same operation and a collar needs only AES encryption. Works in
 * its thread's buffers; not thread-safe. The JDK cipher (about 1 KB with its expanded keys) is made on the
 * first {@link #apply}: a gateway holds one CTR per collar, and collars that send plain payloads never
 * need it.
 */
public final class AesCtr {

    /** First byte of every counter block. */
    public static final int BLOCK_TAG = 0x01;

    private final AesKey key;
    private AesBlock aes;

    private AesCtr(AesKey key) {
        this.key = key;
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
        int n = (len + 15) / 16;
        Scratch scratch = Scratch.of(16 * n);
        byte[] blocks = scratch.first();
        byte[] stream = scratch.second();
        // All counter blocks first, then one ECB call for the whole key stream.
        for (int block = 0; block < n; block++) {
            int p = 16 * block;
            int i = block + 1;
            blocks[p] = BLOCK_TAG;
            blocks[p + 1] = (byte) direction;
            for (int k = 0; k < 8; k++) {
                blocks[p + 2 + k] = (byte) (eui >>> (8 * k));
            }
            for (int k = 0; k < 4; k++) {
                blocks[p + 10 + k] = (byte) (counter >>> (8 * k));
            }
            blocks[p + 14] = (byte) i;
            blocks[p + 15] = (byte) (i >>> 8);
        }
        if (aes == null) {
            aes = AesBlock.of(key);
        }
        aes.encrypt(blocks, 0, 16 * n, stream, 0);
        for (int k = 0; k < len; k++) {
            out[outOff + k] = (byte) (in[inOff + k] ^ stream[k]);
        }
    }
}
