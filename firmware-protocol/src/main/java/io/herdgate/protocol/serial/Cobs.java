package io.herdgate.protocol.serial;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): rewrites a block of bytes so that it holds
 * no {@code 0x00}, which is then free to delimit records on the stream. Encoding and decoding work into
 * caller buffers and allocate nothing.
 *
 * <p>The encoding is the canonical one: a final run of exactly 254 non-zero bytes ends with its
 * {@code 0xFF} block and gets no extra empty {@code 0x01} block. Decoding accepts only canonical input, so
 * every block that decodes re-encodes to the same bytes.
 */
public final class Cobs {

    /** Longest run of non-zero bytes one code byte can announce. */
    private static final int MAX_RUN = 254;

    private Cobs() {
    }

    /**
     * The largest encoded length of {@code n} input bytes, without the delimiter: {@code 1} for an empty
     * input, otherwise {@code n + ⌈n/254⌉}.
     */
    public static int maxEncodedLength(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + n);
        }
        return n == 0 ? 1 : n + (n + MAX_RUN - 1) / MAX_RUN;
    }

    /**
     * Encodes {@code src[srcOff, srcOff+len)} into {@code dst} from {@code dstOff}, without a trailing
     * delimiter. {@code dst} needs {@link #maxEncodedLength(int) maxEncodedLength(len)} bytes of room and
     * must not overlap the source.
     *
     * @return the number of bytes written, 1..maxEncodedLength(len)
     */
    public static int encode(byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
        checkRange(src, srcOff, len, "source");
        checkRange(dst, dstOff, maxEncodedLength(len), "destination (needs maxEncodedLength bytes)");
        int codeAt = dstOff;
        int out = dstOff + 1;
        int code = 1;
        int end = srcOff + len;
        for (int i = srcOff; i < end; i++) {
            byte b = src[i];
            if (b == 0) {
                dst[codeAt] = (byte) code;
                codeAt = out++;
                code = 1;
            } else {
                dst[out++] = b;
                code++;
                // A full block closes at once, but only opens the next one if bytes remain (canonical form).
                if (code == MAX_RUN + 1 && i + 1 < end) {
                    dst[codeAt] = (byte) code;
                    codeAt = out++;
                    code = 1;
                }
            }
        }
        dst[codeAt] = (byte) code;
        return out - dstOff;
    }

    /**
     * Decodes {@code src[srcOff, srcOff+len)} (one encoded block without its delimiter) into {@code dst}
     * from {@code dstOff}. Decoding in place ({@code dst == src}, {@code dstOff <= srcOff}) is allowed: the
     * output never overtakes the input. {@code dst} needs {@code len - 1} bytes of room.
     *
     * @return the decoded length (0..len-1), or {@code -1} if the input is not canonical COBS: empty, a
     *     {@code 0x00} byte inside, a code byte pointing past the end, or a redundant final empty block
     */
    public static int decode(byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
        checkRange(src, srcOff, len, "source");
        if (len == 0) {
            return -1;
        }
        checkRange(dst, dstOff, len - 1, "destination (needs len - 1 bytes)");
        int in = srcOff;
        int end = srcOff + len;
        int out = dstOff;
        int previousCode = 0;
        while (in < end) {
            int code = src[in++] & 0xFF;
            if (code == 0 || in + code - 1 > end) {
                return -1;
            }
            if (in == end && code == 1 && previousCode == 0xFF) {
                return -1; // the canonical encoder never emits an empty block after a full one
            }
            for (int k = 1; k < code; k++) {
                byte b = src[in++];
                if (b == 0) {
                    return -1;
                }
                dst[out++] = b;
            }
            if (code != 0xFF && in < end) {
                dst[out++] = 0;
            }
            previousCode = code;
        }
        return out - dstOff;
    }

    private static void checkRange(byte[] buf, int off, int len, String what) {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new IndexOutOfBoundsException(what + ": offset " + off + " + length " + len
                    + " exceeds buffer of " + buf.length + " bytes");
        }
    }
}
