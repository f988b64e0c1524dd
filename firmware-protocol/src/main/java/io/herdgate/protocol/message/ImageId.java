package io.herdgate.protocol.message;

import java.util.HexFormat;

/**
 * Names a firmware image on air: the first 8 bytes of its SHA-256, kept in hash order (the first hash
 * byte is the most significant byte of {@link #value()} and the first byte on the wire). Every firmware
 * command and reply carries it, so a reply about another image can be recognised and ignored.
 */
public record ImageId(long value) {

    /** Bytes of the hash prefix on air. */
    public static final int BYTES = 8;

    public static ImageId of(long value) {
        return new ImageId(value);
    }

    /**
     * The id of the image whose SHA-256 is {@code sha256}.
     *
     * @throws IllegalArgumentException if {@code sha256} is not 32 bytes
     */
    public static ImageId ofSha256(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("SHA-256 must be 32 bytes, got " + sha256.length);
        }
        long v = 0;
        for (int i = 0; i < BYTES; i++) {
            v = v << 8 | (sha256[i] & 0xFF);
        }
        return new ImageId(v);
    }

    /** 16 lower-case hex digits, the hash prefix as {@code sha256sum} prints it. */
    @Override
    public String toString() {
        return HexFormat.of().toHexDigits(value);
    }
}
