package io.herdgate.protocol.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * AES-CMAC (RFC 4493) under one key. CMAC is CBC-MAC with the last block masked by a subkey, so a MAC is
 * the CBC chain (zero IV) over the padded, masked message in a scratch buffer, each block through
 * {@link Aes128} on four ints: no {@code Cipher} call and no output buffer per MAC. Under C1, which the
 * gateway runs, the JDK's AES has no CPU instructions either, and the chain here takes ~15 % less CPU per
 * MIC ({@code FrameMicBenchmark}). Holds its subkeys and works in its thread's buffers and its own four-int
 * state, so a MAC allocates nothing (the buffers grow once for a longer message); not thread-safe.
 */
public final class AesCmac {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final Aes128 aes;
    private final byte[] k1 = new byte[16];
    private final byte[] k2 = new byte[16];
    /** The CBC chain's block, as {@link Aes128} takes it. */
    private final int[] state = new int[4];

    private AesCmac(AesKey key) {
        aes = new Aes128(key.raw());
        aes.encrypt(state); // L = AES(K, 0^128)
        byte[] l = new byte[16];
        for (int i = 0; i < 4; i++) {
            INT.set(l, 4 * i, state[i]);
        }
        shiftLeftXor(l, k1);
        shiftLeftXor(k1, k2);
    }

    public static AesCmac of(AesKey key) {
        return new AesCmac(key);
    }

    /** The full 16-byte CMAC of the given bytes. */
    public byte[] mac(byte[] msg, int off, int len) {
        run(Scratch.of(len + 16), msg, off, len, 0);
        byte[] mac = new byte[16];
        for (int i = 0; i < 4; i++) {
            INT.set(mac, 4 * i, state[i]);
        }
        return mac;
    }

    /**
     * The CMAC of {@code prefix16} (exactly one 16-byte block, e.g. the B0 block) followed by
     * {@code msg[off, off+len)}, as a little-endian int of its first four bytes: the frame MIC.
     */
    public int mic(byte[] prefix16, byte[] msg, int off, int len) {
        Scratch s = Scratch.of(len + 32);
        System.arraycopy(prefix16, 0, s.first(), 0, 16);
        run(s, msg, off, len, 16);
        return Integer.reverseBytes(state[0]); // the MAC's first four bytes, read little-endian
    }

    /**
     * Copies the message after {@code head} bytes already in the first scratch buffer (at least
     * {@code head + len + 16} bytes long), pads and masks the last block, and runs the CBC chain over it; the
     * MAC is then in {@link #state}.
     */
    private void run(Scratch scratch, byte[] msg, int off, int len, int head) {
        int total = head + len;
        int padded = total == 0 ? 16 : (total + 15) / 16 * 16;
        byte[] s = scratch.first();
        System.arraycopy(msg, off, s, head, len);
        boolean complete = total > 0 && total % 16 == 0;
        if (!complete) {
            s[total] = (byte) 0x80;
            Arrays.fill(s, total + 1, padded, (byte) 0);
        }
        byte[] k = complete ? k1 : k2;
        int last = padded - 16;
        LONG.set(s, last, (long) LONG.get(s, last) ^ (long) LONG.get(k, 0));
        LONG.set(s, last + 8, (long) LONG.get(s, last + 8) ^ (long) LONG.get(k, 8));
        int[] x = state;
        x[0] = 0;
        x[1] = 0;
        x[2] = 0;
        x[3] = 0;
        for (int b = 0; b < padded; b += 16) {
            x[0] ^= bigEndianInt(s, b);
            x[1] ^= bigEndianInt(s, b + 4);
            x[2] ^= bigEndianInt(s, b + 8);
            x[3] ^= bigEndianInt(s, b + 12);
            aes.encrypt(x);
        }
    }

    /** Written out: under C1 a byte-array VarHandle is a chain of calls, a tenth of the MIC at one per word. */
    private static int bigEndianInt(byte[] b, int i) {
        return (b[i] << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
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
