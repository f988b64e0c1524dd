package io.herdgate.protocol.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 single-block encryption and decryption (ECB on one block) under one key. Not thread-safe:
 * keep one per thread or per collar session.
 */
public final class AesBlock {

    private final AesKey key;
    private final Cipher encrypt;
    /** Made on first use: CTR and CMAC only encrypt, and each JDK cipher holds ~1 KB of expanded keys. */
    private Cipher decrypt;

    private AesBlock(AesKey key) {
        this.key = key;
        this.encrypt = cipher(Cipher.ENCRYPT_MODE, key);
    }

    private static Cipher cipher(int mode, AesKey key) {
        try {
            Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
            c.init(mode, new SecretKeySpec(key.raw(), "AES"));
            return c;
        } catch (GeneralSecurityException e) {
            // AES/ECB/NoPadding is mandatory in every JDK; its absence is a broken runtime.
            throw new IllegalStateException("AES unavailable in this JDK", e);
        }
    }

    public static AesBlock of(AesKey key) {
        return new AesBlock(key);
    }

    /** Encrypts {@code len} bytes (a multiple of 16) from {@code in} into {@code out}. */
    public void encrypt(byte[] in, int inOff, int len, byte[] out, int outOff) {
        try {
            encrypt.doFinal(in, inOff, len, out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES block encryption failed", e);
        }
    }

    /** Decrypts {@code len} bytes (a multiple of 16) from {@code in} into {@code out}. */
    public void decrypt(byte[] in, int inOff, int len, byte[] out, int outOff) {
        if (decrypt == null) {
            decrypt = cipher(Cipher.DECRYPT_MODE, key);
        }
        try {
            decrypt.doFinal(in, inOff, len, out, outOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES block decryption failed", e);
        }
    }

    /** Encrypts one 16-byte block and returns the result. */
    public byte[] encryptBlock(byte[] block16) {
        byte[] out = new byte[16];
        encrypt(block16, 0, 16, out, 0);
        return out;
    }
}
