package io.herdgate.protocol.crypto;

/**
 * AES-128 encryption of one block (FIPS-197), on a block held as four big-endian ints: the forward cipher
 * CMAC needs, without the JDK's {@code Cipher} layers around each call. The gateway runs on C1 only, where
 * the JDK's AES is plain Java too (its AES instructions are C2 intrinsics), so the block costs the same
 * table look-ups either way and what is saved is the per-call work of {@code Cipher.doFinal}.
 *
 * <p>Round tables as in the JDK's own Java AES and the reference implementation: look-ups indexed by state
 * bytes, so timing may depend on cache state exactly as it does for the JDK without AES instructions.
 * Holds only the 44-word expanded key (176 bytes); immutable after construction, thread-safe.
 */
final class Aes128 {

    private static final int[] SBOX = new int[256];
    private static final int[] T0 = new int[256];
    private static final int[] T1 = new int[256];
    private static final int[] T2 = new int[256];
    private static final int[] T3 = new int[256];

    static {
        // The S-box from its definition (multiplicative inverse in GF(2^8), then the affine map): p walks
        // the field's non-zero elements by powers of 3, q by powers of 3's inverse, so q = 1/p throughout.
        int p = 1;
        int q = 1;
        do {
            p = (p ^ (p << 1) ^ ((p & 0x80) != 0 ? 0x1B : 0)) & 0xFF;
            q ^= q << 1;
            q ^= q << 2;
            q ^= q << 4;
            q &= 0xFF;
            if ((q & 0x80) != 0) {
                q ^= 0x09;
            }
            int x = q ^ rotl8(q, 1) ^ rotl8(q, 2) ^ rotl8(q, 3) ^ rotl8(q, 4);
            SBOX[p] = (x ^ 0x63) & 0xFF;
        } while (p != 1);
        SBOX[0] = 0x63;
        for (int i = 0; i < 256; i++) {
            int s = SBOX[i];
            int s2 = times2(s);
            int t = (s2 << 24) | (s << 16) | (s << 8) | (s2 ^ s);
            T0[i] = t;
            T1[i] = Integer.rotateRight(t, 8);
            T2[i] = Integer.rotateRight(t, 16);
            T3[i] = Integer.rotateRight(t, 24);
        }
    }

    private final int[] rk = new int[44];

    /** Expands {@code key} (exactly 16 bytes). */
    Aes128(byte[] key) {
        if (key.length != 16) {
            throw new IllegalArgumentException("AES-128 needs a 16-byte key, got " + key.length + " bytes");
        }
        for (int i = 0; i < 4; i++) {
            rk[i] = ((key[4 * i] & 0xFF) << 24) | ((key[4 * i + 1] & 0xFF) << 16) | ((key[4 * i + 2] & 0xFF) << 8)
                    | (key[4 * i + 3] & 0xFF);
        }
        int rcon = 1;
        for (int i = 4; i < 44; i++) {
            int t = rk[i - 1];
            if (i % 4 == 0) {
                t = subWord(Integer.rotateLeft(t, 8)) ^ (rcon << 24);
                rcon = times2(rcon);
            }
            rk[i] = rk[i - 4] ^ t;
        }
    }

    /** Encrypts the block {@code s[0..3]} (four big-endian words of the 16 bytes) in place. */
    void encrypt(int[] s) {
        int[] k = rk;
        int s0 = s[0] ^ k[0];
        int s1 = s[1] ^ k[1];
        int s2 = s[2] ^ k[2];
        int s3 = s[3] ^ k[3];
        for (int r = 4; r < 40; r += 4) {
            int t0 = T0[s0 >>> 24] ^ T1[(s1 >>> 16) & 0xFF] ^ T2[(s2 >>> 8) & 0xFF] ^ T3[s3 & 0xFF] ^ k[r];
            int t1 = T0[s1 >>> 24] ^ T1[(s2 >>> 16) & 0xFF] ^ T2[(s3 >>> 8) & 0xFF] ^ T3[s0 & 0xFF] ^ k[r + 1];
            int t2 = T0[s2 >>> 24] ^ T1[(s3 >>> 16) & 0xFF] ^ T2[(s0 >>> 8) & 0xFF] ^ T3[s1 & 0xFF] ^ k[r + 2];
            int t3 = T0[s3 >>> 24] ^ T1[(s0 >>> 16) & 0xFF] ^ T2[(s1 >>> 8) & 0xFF] ^ T3[s2 & 0xFF] ^ k[r + 3];
            s0 = t0;
            s1 = t1;
            s2 = t2;
            s3 = t3;
        }
        // Last round: no MixColumns.
        s[0] = last(s0, s1, s2, s3) ^ k[40];
        s[1] = last(s1, s2, s3, s0) ^ k[41];
        s[2] = last(s2, s3, s0, s1) ^ k[42];
        s[3] = last(s3, s0, s1, s2) ^ k[43];
    }

    private static int last(int a, int b, int c, int d) {
        return (SBOX[a >>> 24] << 24) | (SBOX[(b >>> 16) & 0xFF] << 16) | (SBOX[(c >>> 8) & 0xFF] << 8)
                | SBOX[d & 0xFF];
    }

    private static int subWord(int w) {
        return last(w, w, w, w);
    }

    private static int times2(int b) {
        return ((b << 1) ^ ((b & 0x80) != 0 ? 0x1B : 0)) & 0xFF;
    }

    private static int rotl8(int b, int n) {
        return ((b << n) | (b >>> (8 - n))) & 0xFF;
    }
}
