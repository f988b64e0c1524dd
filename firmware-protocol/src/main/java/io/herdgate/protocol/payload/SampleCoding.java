package io.herdgate.protocol.payload;

import io.herdgate.protocol.message.SampleBatch;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The two sample codings of a {@code SAMPLE_BATCH} payload (see {@code PROTOCOL.md}, "Sample coding").
 * Bits are packed least significant first: value {@code j} of width {@code w} occupies bits
 * {@code [j*w, (j+1)*w)} of the byte string, bit {@code k} being bit {@code k % 8} of byte {@code k / 8}.
 * <ul>
 *   <li>{@link #PACKED12}: the {@code 3n} counts in interleaved order {@code x0 y0 z0 x1 ...}, each as
 *       12-bit two's complement: {@code ceil(4.5 n)} bytes.</li>
 *   <li>{@link #DELTA}: the first sample as three int16, then per axis (x, y, z) the {@code n-1}
 *       differences to the previous sample, zigzag-mapped, in blocks of 16: one width byte
 *       {@code w} (0..13) and {@code ceil(k*w/8)} bytes for the block's {@code k} values.</li>
 * </ul>
 * The encoder picks whichever is smaller; decoding loops over the byte array without allocating.
 */
final class SampleCoding {

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);

    static final int PACKED12 = 0;
    static final int DELTA = 1;
    static final int BLOCK = 16;
    static final int MAX_WIDTH = 13;

    private SampleCoding() {
    }

    /** Bytes of the {@link #PACKED12} coding of {@code n} samples. */
    static int packedSize(int n) {
        return (36 * n + 7) / 8;
    }

    /** Bytes of the {@link #DELTA} coding of the batch. */
    static int deltaSize(SampleBatch batch) {
        int n = batch.count();
        if (n == 0) {
            return 0;
        }
        int size = 6;
        for (int axis = 0; axis < 3; axis++) {
            for (int start = 1; start < n; start += BLOCK) {
                int k = Math.min(BLOCK, n - start);
                size += 1 + (k * blockWidth(batch, axis, start, k) + 7) / 8;
            }
        }
        return size;
    }

    /** The smaller coding for the batch ({@link #PACKED12} on a tie: simpler for a collar to produce). */
    static int choose(SampleBatch batch) {
        return deltaSize(batch) < packedSize(batch.count()) ? DELTA : PACKED12;
    }

    /** Writes the samples in {@code coding} at {@code out[off]}; returns the bytes written. */
    static int write(SampleBatch batch, int coding, byte[] out, int off) {
        return coding == DELTA ? writeDelta(batch, out, off) : writePacked(batch, out, off);
    }

    private static int writePacked(SampleBatch batch, byte[] out, int off) {
        BitWriter w = new BitWriter(out, off);
        int m = 3 * batch.count();
        for (int j = 0; j < m; j++) {
            w.put(batch.value(j), 12);
        }
        return w.flush() - off;
    }

    private static int writeDelta(SampleBatch batch, byte[] out, int off) {
        int n = batch.count();
        if (n == 0) {
            return 0;
        }
        for (int axis = 0; axis < 3; axis++) {
            int v = batch.value(axis);
            out[off + 2 * axis] = (byte) v;
            out[off + 2 * axis + 1] = (byte) (v >> 8);
        }
        BitWriter w = new BitWriter(out, off + 6);
        for (int axis = 0; axis < 3; axis++) {
            for (int start = 1; start < n; start += BLOCK) {
                int k = Math.min(BLOCK, n - start);
                int width = blockWidth(batch, axis, start, k);
                w.putByte(width);
                for (int i = start; i < start + k; i++) {
                    w.put(zigzag(batch, axis, i), width);
                }
                w.flush();
            }
        }
        return w.position() - off;
    }

    private static int blockWidth(SampleBatch batch, int axis, int start, int k) {
        int or = 0;
        for (int i = start; i < start + k; i++) {
            or |= zigzag(batch, axis, i);
        }
        return 32 - Integer.numberOfLeadingZeros(or);
    }

    private static int zigzag(SampleBatch batch, int axis, int i) {
        int d = batch.value(3 * i + axis) - batch.value(3 * (i - 1) + axis);
        return d << 1 ^ d >> 31;
    }

    /**
     * Decodes {@code n} samples in {@code coding} from exactly {@code b[off, off+len)} into
     * {@code xyz} (length {@code 3n}). Returns empty on success, else what is wrong.
     */
    static String read(int coding, byte[] b, int off, int len, int n, short[] xyz) {
        return coding == DELTA ? readDelta(b, off, len, n, xyz) : readPacked(b, off, len, n, xyz);
    }

    private static String readPacked(byte[] b, int off, int len, int n, short[] xyz) {
        int need = packedSize(n);
        if (len < need) {
            return n + " samples packed in 12 bits need " + need + " bytes, got " + len;
        }
        int m = 3 * n;
        int p = off;
        int j = 0;
        // Two 12-bit values per three bytes; sign-extend by shifting through the int's top bits.
        for (; j + 1 < m; j += 2, p += 3) {
            int b0 = b[p] & 0xFF;
            int b1 = b[p + 1] & 0xFF;
            int b2 = b[p + 2] & 0xFF;
            xyz[j] = (short) ((b0 | b1 << 8) << 20 >> 20);
            xyz[j + 1] = (short) ((b1 >>> 4 | b2 << 4) << 20 >> 20);
        }
        if (j < m) {
            xyz[j] = (short) (((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8) << 20 >> 20);
        }
        return "";
    }

    private static String readDelta(byte[] b, int off, int len, int n, short[] xyz) {
        if (n == 0) {
            return "";
        }
        if (len < 6) {
            return "delta coding needs 6 bytes for the first sample, got " + len;
        }
        int end = off + len;
        for (int axis = 0; axis < 3; axis++) {
            int v = (short) ((b[off + 2 * axis] & 0xFF) | (b[off + 2 * axis + 1] & 0xFF) << 8);
            if (v < SampleBatch.MIN_COUNT || v > SampleBatch.MAX_COUNT) {
                return "first sample axis " + "xyz".charAt(axis) + " = " + v + " out of -2048..2047";
            }
            xyz[axis] = (short) v;
        }
        int p = off + 6;
        for (int axis = 0; axis < 3; axis++) {
            int prev = xyz[axis];
            for (int start = 1; start < n; start += BLOCK) {
                int k = Math.min(BLOCK, n - start);
                if (p >= end) {
                    return "delta block of axis " + "xyz".charAt(axis) + " at sample " + start + " missing";
                }
                int width = b[p++] & 0xFF;
                if (width > MAX_WIDTH) {
                    return "delta width " + width + " at sample " + start + " out of 0.." + MAX_WIDTH;
                }
                int bytes = (k * width + 7) / 8;
                if (end - p < bytes) {
                    return "delta block of axis " + "xyz".charAt(axis) + " at sample " + start + " truncated";
                }
                int mask = (1 << width) - 1;
                int outOfRange = 0;
                if (p + bytes + 3 <= b.length) {
                    // Branch-free: a value of at most 13 bits starting at bit (pos & 7) lies in one
                    // little-endian int (one load and one bounds check instead of three); bytes read past
                    // the block (still inside the array) are masked away.
                    for (int i = 0, pos = 0, idx = 3 * start + axis; i < k; i++, pos += width, idx += 3) {
                        int u = (int) INT_LE.get(b, p + (pos >>> 3)) >>> (pos & 7) & mask;
                        prev += u >>> 1 ^ -(u & 1);
                        outOfRange |= (prev - SampleBatch.MIN_COUNT) >>> 12;
                        xyz[idx] = (short) prev;
                    }
                } else {
                    long acc = 0;
                    int bits = 0;
                    int q = p;
                    for (int i = start; i < start + k; i++) {
                        while (bits < width) {
                            acc |= (b[q++] & 0xFFL) << bits;
                            bits += 8;
                        }
                        int u = (int) acc & mask;
                        acc >>>= width;
                        bits -= width;
                        prev += u >>> 1 ^ -(u & 1);
                        outOfRange |= (prev - SampleBatch.MIN_COUNT) >>> 12;
                        xyz[3 * i + axis] = (short) prev;
                    }
                }
                if (outOfRange != 0) {
                    return "delta block of axis " + "xyz".charAt(axis) + " at sample " + start
                            + " leaves the range -2048..2047";
                }
                p += bytes;
            }
        }
        return "";
    }

    /** Packs values least significant bit first. */
    private static final class BitWriter {
        private final byte[] out;
        private int p;
        private long acc;
        private int bits;

        BitWriter(byte[] out, int off) {
            this.out = out;
            this.p = off;
        }

        void put(int v, int width) {
            acc |= (v & ((1L << width) - 1)) << bits;
            bits += width;
            while (bits >= 8) {
                out[p++] = (byte) acc;
                acc >>>= 8;
                bits -= 8;
            }
        }

        void putByte(int v) {
            out[p++] = (byte) v;
        }

        /** Writes a partly filled last byte; returns the position after it. */
        int flush() {
            if (bits > 0) {
                out[p++] = (byte) acc;
            }
            acc = 0;
            bits = 0;
            return p;
        }

        int position() {
            return p;
        }
    }
}
