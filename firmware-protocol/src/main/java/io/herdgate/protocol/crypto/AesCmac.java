package io.herdgate.protocol.crypto;

/**
 * AES-CMAC (RFC 4493) under one key. Holds its subkeys and scratch buffers, so computing a MAC
 * allocates nothing; not thread-safe.
 */
public final class AesCmac {

    private final AesBlock aes;
    private final byte[] k1 = new byte[16];
    private final byte[] k2 = new byte[16];
    private final byte[] x = new byte[16];
    private final byte[] last = new byte[16];

    private AesCmac(AesKey key) {
        aes = AesBlock.of(key);
        byte[] l = aes.encryptBlock(new byte[16]);
        shiftLeftXor(l, k1);
        shiftLeftXor(k1, k2);
    }

    public static AesCmac of(AesKey key) {
        return new AesCmac(key);
    }

    /** The full 16-byte CMAC of the given bytes. */
    public byte[] mac(byte[] msg, int off, int len) {
        byte[] out = new byte[16];
        macInto(msg, off, len, out);
        return out;
    }

    /**
     * The CMAC of {@code prefix16} (exactly one 16-byte block, e.g. the B0 block) followed by
     * {@code msg[off, off+len)}, as a little-endian int of its first four bytes: the frame MIC.
     */
    public int mic(byte[] prefix16, byte[] msg, int off, int len) {
        // Process the prefix block, then the message, without concatenating (no allocation).
        java.util.Arrays.fill(x, (byte) 0);
        int total = 16 + len;
        int blocks = Math.max(1, (total + 15) / 16);
        boolean complete = total > 0 && total % 16 == 0;
        for (int b = 0; b < blocks; b++) {
            boolean isLast = b == blocks - 1;
            for (int i = 0; i < 16; i++) {
                int pos = b * 16 + i;
                byte v;
                if (pos < 16) {
                    v = prefix16[pos];
                } else if (pos < total) {
                    v = msg[off + pos - 16];
                } else {
                    v = pos == total ? (byte) 0x80 : 0;
                }
                last[i] = v;
            }
            if (isLast) {
                byte[] k = complete ? k1 : k2;
                for (int i = 0; i < 16; i++) {
                    last[i] ^= k[i];
                }
            }
            for (int i = 0; i < 16; i++) {
                x[i] ^= last[i];
            }
            aes.encrypt(x, 0, 16, x, 0);
        }
        return (x[0] & 0xFF) | (x[1] & 0xFF) << 8 | (x[2] & 0xFF) << 16 | (x[3] & 0xFF) << 24;
    }

    private void macInto(byte[] msg, int off, int len, byte[] out) {
        java.util.Arrays.fill(x, (byte) 0);
        int blocks = Math.max(1, (len + 15) / 16);
        boolean complete = len > 0 && len % 16 == 0;
        for (int b = 0; b < blocks; b++) {
            int start = b * 16;
            if (b == blocks - 1) {
                byte[] k = complete ? k1 : k2;
                for (int i = 0; i < 16; i++) {
                    int pos = start + i;
                    byte v = pos < len ? msg[off + pos] : pos == len ? (byte) 0x80 : 0;
                    last[i] = (byte) (v ^ k[i]);
                }
            } else {
                System.arraycopy(msg, off + start, last, 0, 16);
            }
            for (int i = 0; i < 16; i++) {
                x[i] ^= last[i];
            }
            aes.encrypt(x, 0, 16, x, 0);
        }
        System.arraycopy(x, 0, out, 0, 16);
    }

    /** out = (in << 1) XOR (msb(in) ? Rb : 0), with Rb = 0x87 (RFC 4493 subkey generation). */
    private static void shiftLeftXor(byte[] in, byte[] out) {
        int carry = 0;
        for (int i = 15; i >= 0; i--) {
            int v = in[i] & 0xFF;
            out[i] = (byte) ((v << 1) | carry);
            carry = v >>> 7;
        }
        if ((in[0] & 0x80) != 0) {
            out[15] ^= (byte) 0x87;
        }
    }
}
