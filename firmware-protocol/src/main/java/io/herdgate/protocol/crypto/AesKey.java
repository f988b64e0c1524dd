package io.herdgate.protocol.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 128-bit AES key. {@link #toString()} never prints the key bytes, so a key cannot leak into a log by
 * accident; {@link #toHex()} is the one deliberate way out.
 */
public final class AesKey {

    private final byte[] bytes;

    private AesKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A key from exactly 16 bytes (copied). */
    public static AesKey of(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("AES-128 key must be 16 bytes, got " + bytes.length);
        }
        return new AesKey(bytes.clone());
    }

    /** A key from 32 hex digits. */
    public static AesKey ofHex(String hex) {
        String h = hex.trim();
        if (h.length() != 32) {
            throw new IllegalArgumentException("AES-128 key must be 32 hex digits, got " + h.length() + " characters");
        }
        try {
            return new AesKey(HexFormat.of().parseHex(h));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AES-128 key must be 32 hex digits: not hex", e);
        }
    }

    /** A copy of the key bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The key as 32 lower-case hex digits; for storage, never for logs. */
    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    byte[] raw() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AesKey k && java.security.MessageDigest.isEqual(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "AesKey[redacted]";
    }
}
