package io.herdgate.protocol.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CMAC (RFC 4493) under one key. Holds its subkeys and scratch buffers, so computing a MAC
 * allocates nothing (a message longer than any before grows the scratch buffer once); not thread-safe.
 *
 * <p>The CBC chain runs as one AES/CBC call over the whole padded message rather than one cipher call
 * per block: the JDK's CBC loop is an AES-NI intrinsic, and per-call overhead dominated frame MICs.
 */
public final class AesCmac {

    private final Cipher cbc;
    private final byte[] k1 = new byte[16];
    private final byte[] k2 = new byte[16];
    /** The message laid out as CMAC blocks, the last one padded and masked. */
    private byte[] blocks = new byte[16 * 18];
    /** The CBC output; its last block is the MAC. Apart from {@link #blocks}: in-place CBC copies. */
    private byte[] chain = new byte[16 * 18];

    private AesCmac(AesKey key) {
        byte[] l = AesBlock.of(key).encryptBlock(new byte[16]);
        shiftLeftXor(l, k1);
        shiftLeftXor(k1, k2);
        try {
            cbc = Cipher.getInstance("AES/CBC/NoPadding");
            // IV zero: CBC-MAC. doFinal returns the cipher to this state, so it is set up once.
            cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.raw(), "AES"), new IvParameterSpec(new byte[16]));
        } catch (GeneralSecurityException e) {
            // AES/CBC/NoPadding is mandatory in every JDK; its absence is a broken runtime.
            throw new IllegalStateException("AES/CBC unavailable in this JDK", e);
        }
    }

    public static AesCmac of(AesKey key) {
        return new AesCmac(key);
    }

    /** The full 16-byte CMAC of the given bytes. */
    public byte[] mac(byte[] msg, int off, int len) {
        int end = cmac(null, msg, off, len);
        return Arrays.copyOfRange(chain, end - 16, end);
    }

    /**
     * The CMAC of {@code prefix16} (exactly one 16-byte block, e.g. the B0 block) followed by
     * {@code msg[off, off+len)}, as a little-endian int of its first four bytes: the frame MIC.
     */
    public int mic(byte[] prefix16, byte[] msg, int off, int len) {
        int t = cmac(prefix16, msg, off, len) - 16;
        return (chain[t] & 0xFF) | (chain[t + 1] & 0xFF) << 8 | (chain[t + 2] & 0xFF) << 16
                | (chain[t + 3] & 0xFF) << 24;
    }

    /**
     * Computes the CMAC of {@code prefix16} (if not null) followed by {@code msg[off, off+len)}; returns
     * the end of the MAC in {@link #chain} (the MAC is the 16 bytes before it).
     */
    private int cmac(byte[] prefix16, byte[] msg, int off, int len) {
        int head = prefix16 == null ? 0 : 16;
        int total = head + len;
        int n = Math.max(1, (total + 15) / 16) * 16;
        if (blocks.length < n) {
            blocks = new byte[n];
            chain = new byte[n];
        }
        if (head > 0) {
            System.arraycopy(prefix16, 0, blocks, 0, 16);
        }
        System.arraycopy(msg, off, blocks, head, len);
        boolean complete = total > 0 && total % 16 == 0;
        if (!complete) {
            blocks[total] = (byte) 0x80;
            Arrays.fill(blocks, total + 1, n, (byte) 0);
        }
        byte[] k = complete ? k1 : k2;
        for (int i = 0; i < 16; i++) {
            blocks[n - 16 + i] ^= k[i];
        }
        try {
            cbc.doFinal(blocks, 0, n, chain, 0);
        } catch (GeneralSecurityException e) {
            // Whole blocks, no padding, room enough: AES/CBC cannot fail here.
            throw new IllegalStateException("AES/CBC failed on " + n + " whole bytes", e);
        }
        return n;
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
