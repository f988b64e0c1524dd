package io.herdgate.protocol.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 single-block encryption and decryption (ECB on one block) under one key. Not thread-safe:
 * keep one per thread or per collar session.
 */
public final class AesBlock {

    private final Cipher encrypt;
    private final Cipher decrypt;

    private AesBlock(AesKey key) {
        try {
            SecretKeySpec spec = new SecretKeySpec(key.raw(), "AES");
            encrypt = Cipher.getInstance("AES/ECB/NoPadding");
            encrypt.init(Cipher.ENCRYPT_MODE, spec);
            decrypt = Cipher.getInstance("AES/ECB/NoPadding");
            decrypt.init(Cipher.DECRYPT_MODE, spec);
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
