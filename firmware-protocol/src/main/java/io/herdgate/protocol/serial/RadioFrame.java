package io.herdgate.protocol.serial;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bytes of one radio frame exactly as on air, 1..{@link SerialLimits#MAX_RADIO_FRAME} bytes; opaque to
 * the serial link. Immutable: {@link #of(byte[])} copies its input and {@link #toByteArray()} returns a
 * copy, so a deframed record needs exactly one array.
 */
public final class RadioFrame {

    private final byte[] bytes;

    private RadioFrame(byte[] owned) {
        if (owned.length == 0 || owned.length > SerialLimits.MAX_RADIO_FRAME) {
            throw new IllegalArgumentException("radio frame length out of 1.." + SerialLimits.MAX_RADIO_FRAME
                    + ": " + owned.length);
        }
        this.bytes = owned;
    }

    /** A frame holding a copy of {@code bytes}. */
    public static RadioFrame of(byte[] bytes) {
        return new RadioFrame(bytes.clone());
    }

    /** A frame holding a copy of {@code bytes[off, off+len)}. */
    public static RadioFrame of(byte[] bytes, int off, int len) {
        return new RadioFrame(Arrays.copyOfRange(bytes, off, off + len));
    }

    /** Frame length in bytes. */
    public int length() {
        return bytes.length;
    }

    /** The byte at {@code index} (0-based), as stored (signed). */
    public byte byteAt(int index) {
        return bytes[index];
    }

    /** Copies the whole frame into {@code dst} from {@code off}; for decoders that want no allocation. */
    public void copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, bytes.length);
    }

    /** A copy of the frame's bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadioFrame f && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Upper-case hex, as printed in logs and test vectors. */
    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
