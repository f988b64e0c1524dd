package io.herdgate.gateway.chart;

import java.util.Arrays;

/**
 * A PNG image: its encoded bytes and its size in pixels. Immutable: {@link #bytes()} returns a copy.
 *
 * @param bytes  the PNG file's bytes, starting with the PNG signature
 * @param width  width in pixels, ≥ 1
 * @param height height in pixels, ≥ 1
 */
public record Png(byte[] bytes, int width, int height) {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public Png {
        if (bytes.length < SIGNATURE.length || !Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0,
                SIGNATURE.length)) {
            throw new IllegalArgumentException("not a PNG: the first 8 bytes are not the PNG signature");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1: " + width + "x" + height);
        }
        bytes = bytes.clone();
    }

    public static Png of(byte[] bytes, int width, int height) {
        return new Png(bytes, width, height);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Size of the encoded image in bytes. */
    public int length() {
        return bytes.length;
    }

    /** The MIME type, for uploads. */
    public String mediaType() {
        return "image/png";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Png p && width == p.width && height == p.height && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(bytes) + width) + height;
    }

    @Override
    public String toString() {
        return "Png[" + width + "x" + height + ", " + bytes.length + " bytes]";
    }
}
