package io.herdgate.protocol.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CMAC (RFC 4493) under one key. CMAC is CBC-MAC with the last block masked by a subkey, so a MAC is
 * computed as one AES-CBC encryption (zero IV) of the padded, masked message in a scratch buffer: one
 * call into the JDK's AES-CBC, which runs on the CPU's AES instructions where present. Holds its subkeys and
 * works in its thread's buffers, so a MAC allocates nothing (the buffers grow once for a longer message);
 * not thread-safe.
 */
public final class AesCmac {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final Cipher cbc;
    private final byte[] k1 = new byte[16];
    private final byte[] k2 = new byte[16];

    private AesCmac(AesKey key) {
        try {
            cbc = Cipher.getInstance("AES/CBC/NoPadding");
            // After each doFinal the cipher is back at this zero IV, which CBC-MAC needs.
            cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.raw(), "AES"), new IvParameterSpec(new byte[16]));
        } catch (GeneralSecurityException e) {
            // AES/CBC/NoPadding is mandatory in every JDK; its absence is a broken runtime.
            throw new IllegalStateException("AES-CBC unavailable in this JDK", e);
        }
        byte[] l = AesBlock.of(key).encryptBlock(new byte[16]);
        shiftLeftXor(l, k1);
        shiftLeftXor(k1, k2);
    }

    public static AesCmac of(AesKey key) {
        return new AesCmac(key);
    }

    /** The full 16-byte CMAC of the given bytes. */
    public byte[] mac(byte[] msg, int off, int len) {
        Scratch s = Scratch.of(len + 16);
        int end = run(s, msg, off, len, 0);
        return Arrays.copyOfRange(s.second(), end - 16, end);
    }

    /**
     * The CMAC of {@code prefix16} (exactly one 16-byte block, e.g. the B0 block) followed by
     * {@code msg[off, off+len)}, as a little-endian int of its first four bytes: the frame MIC.
     */
    public int mic(byte[] prefix16, byte[] msg, int off, int len) {
        Scratch s = Scratch.of(len + 32);
        System.arraycopy(prefix16, 0, s.first(), 0, 16);
        int end = run(s, msg, off, len, 16);
        return (int) INT_LE.get(s.second(), end - 16);
    }

    /**
     * Copies the message after {@code head} bytes already in the first scratch buffer (at least
     * {@code head + len + 16} bytes long), pads and masks the last block, and CBC-encrypts it into the second
     * (not in place: the JDK would copy the input); returns the end of the last block, which holds the MAC.
     */
    private int run(Scratch scratch, byte[] msg, int off, int len, int head) {
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
        try {
            cbc.doFinal(s, 0, padded, scratch.second(), 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC failed on a whole number of blocks", e);
        }
        return padded;
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
