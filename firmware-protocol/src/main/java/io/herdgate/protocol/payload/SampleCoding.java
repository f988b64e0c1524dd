package io.herdgate.protocol.payload;

import io.herdgate.protocol.message.SampleBatch;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The three sample codings of a {@code SAMPLE_BATCH} payload (see {@code PROTOCOL.md}, "Sample coding").
 * Bits are packed least significant first: value {@code j} of width {@code w} occupies bits
 * {@code [j*w, (j+1)*w)} of the byte string, bit {@code k} being bit {@code k % 8} of byte {@code k / 8}.
 * <ul>
 *   <li>{@link #PACKED12}: the {@code 3n} counts in interleaved order {@code x0 y0 z0 x1 ...}, each as
 *       12-bit two's complement: {@code ceil(4.5 n)} bytes.</li>
 *   <li>{@link #DELTA}: the first sample as three int16, then per axis (x, y, z) the {@code n-1}
 *       differences to the previous sample, zigzag-mapped, in blocks of 16: one width byte
 *       {@code w} (0..13) and {@code ceil(k*w/8)} bytes for the block's {@code k} values.</li>
 *   <li>{@link #RICE}: one bit string: the first sample as three 12-bit counts, then per axis a 4-bit
 *       Rice parameter {@code k} (0..13) and the {@code n-1} zigzag-mapped differences, each as
 *       {@code u >>> k} zero bits, a one bit, and the low {@code k} bits of {@code u}.</li>
 * </ul>
 * The encoder picks whichever is smallest; decoding loops over the byte array without allocating.
 */
final class SampleCoding {

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    static final int PACKED12 = 0;
    static final int DELTA = 1;
    static final int RICE = 2;
    static final int BLOCK = 16;
    static final int MAX_WIDTH = 13;
    static final int MAX_RICE_K = 13;
    /** The largest zigzag value of a difference of two 12-bit counts (|d| <= 4095). */
    private static final int MAX_ZIGZAG = 8190;
    /** Bits of a window from {@link #window} that are always valid: 64 minus the 7 of the bit offset. */
    private static final int WINDOW_BITS = 57;
    /** Most bits a group of Rice codes may take: all of them then lie in one 8-byte load at any bit offset. */
    private static final int FAST_BITS = 56;
    /** Rice codes decoded together, from one 8-byte load, when they fit in it. */
    private static final int GROUP = 5;

    /**
     * The signed difference of each zigzag value {@code u} a Rice code can carry (0..8191: a quotient of at
     * most 8190 >>> k shifted by k, and k remainder bits), indexed by {@code 2u + 1}: the quotient shifted by
     * k + 1 OR-ed with the code's stop bit and remainder as they lie in the bit buffer, so the decoder
     * needs neither a shift to drop the stop bit nor the add that shift would wait for. One load instead
     * of four operations per value; even indices (unused) hold the same values.
     */
    private static final short[] UNZIGZAG = new short[2 * (MAX_ZIGZAG + 2)];

    static {
        for (int c = 0; c < UNZIGZAG.length; c++) {
            int u = c >>> 1;
            UNZIGZAG[c] = (short) (u >>> 1 ^ -(u & 1));
        }
    }

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

    /** Bytes of the {@link #RICE} coding of the batch. */
    static int riceSize(SampleBatch batch) {
        int n = batch.count();
        if (n == 0) {
            return 0;
        }
        long bits = 36;
        for (int axis = 0; axis < 3; axis++) {
            bits += 4 + riceBits(batch, axis, riceParameter(batch, axis));
        }
        return (int) ((bits + 7) / 8);
    }

    /**
     * The smallest coding for the batch; on a tie the simpler one ({@link #PACKED12}, then
     * {@link #DELTA}), which is also the cheaper one for a collar to produce.
     */
    static int choose(SampleBatch batch) {
        int packed = packedSize(batch.count());
        int delta = deltaSize(batch);
        int rice = riceSize(batch);
        if (rice < delta && rice < packed) {
            return RICE;
        }
        return delta < packed ? DELTA : PACKED12;
    }

    /** Writes the samples in {@code coding} at {@code out[off]}; returns the bytes written. */
    static int write(SampleBatch batch, int coding, byte[] out, int off) {
        return switch (coding) {
            case DELTA -> writeDelta(batch, out, off);
            case RICE -> writeRice(batch, out, off);
            default -> writePacked(batch, out, off);
        };
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

    private static int writeRice(SampleBatch batch, byte[] out, int off) {
        int n = batch.count();
        if (n == 0) {
            return 0;
        }
        BitWriter w = new BitWriter(out, off);
        for (int axis = 0; axis < 3; axis++) {
            w.put(batch.value(axis), 12);
        }
        for (int axis = 0; axis < 3; axis++) {
            int k = riceParameter(batch, axis);
            w.put(k, 4);
            for (int i = 1; i < n; i++) {
                int u = zigzag(batch, axis, i);
                for (int q = u >>> k; q > 0; q -= Math.min(q, 32)) {
                    w.put(0, Math.min(q, 32));
                }
                w.put(1, 1);
                w.put(u, k);
            }
        }
        return w.flush() - off;
    }

    /** The Rice parameter that codes the axis's differences in the fewest bits (the smallest such). */
    private static int riceParameter(SampleBatch batch, int axis) {
        int best = 0;
        long bestBits = Long.MAX_VALUE;
        for (int k = 0; k <= MAX_RICE_K; k++) {
            long bits = riceBits(batch, axis, k);
            if (bits < bestBits) {
                best = k;
                bestBits = bits;
            }
        }
        return best;
    }

    private static long riceBits(SampleBatch batch, int axis, int k) {
        long bits = 0;
        for (int i = 1; i < batch.count(); i++) {
            bits += (zigzag(batch, axis, i) >>> k) + 1 + k;
        }
        return bits;
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
     * {@code xyz} (length {@code 3n}). Returns empty on success, else what is wrong with the coding.
     * Whether the decoded counts stay in -2048..2047 is not checked here but once, by the
     * {@link SampleBatch} constructor the caller wraps them in: a difference is at most ±4096 (zigzag
     * 8191 at most), so the first count of a walk that leaves the range lies within -6144..6142 and is stored as
     * itself (no short overflow can bring a walk back into the range unseen).
     */
    static String read(int coding, byte[] b, int off, int len, int n, short[] xyz) {
        return switch (coding) {
            case DELTA -> readDelta(b, off, len, n, xyz);
            case RICE -> readRice(b, off, len, n, xyz);
            default -> readPacked(b, off, len, n, xyz);
        };
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
                if (p + bytes + 4 <= b.length) {
                    // Branch-free: a value of at most 13 bits starting at bit (pos & 7) lies in one
                    // little-endian int (one load and one bounds check instead of three); bytes read past
                    // the block (still inside the array) are masked away. The 4 (not 3) spare bytes cover
                    // a zero-width block, whose values are all read as an int at p itself.
                    for (int i = 0, pos = 0, idx = 3 * start + axis; i < k; i++, pos += width, idx += 3) {
                        int u = (int) INT_LE.get(b, p + (pos >>> 3)) >>> (pos & 7) & mask;
                        prev += u >>> 1 ^ -(u & 1);
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
                        xyz[3 * i + axis] = (short) prev;
                    }
                }
                p += bytes;
            }
        }
        return "";
    }

    private static String readRice(byte[] b, int off, int len, int n, short[] xyz) {
        if (n == 0) {
            return "";
        }
        int limit = 8 * len;
        if (limit < 36 + 12) {
            return "rice coding needs 6 bytes for the first sample and the parameters, got " + len;
        }
        long first = window(b, off, 0);
        for (int axis = 0; axis < 3; axis++) {
            xyz[axis] = (short) ((int) (first >>> (12 * axis)) << 20 >> 20);
        }
        int pos = 36; // bit position after off
        for (int axis = 0; axis < 3; axis++) {
            if (pos + 4 > limit) {
                return "rice parameter of axis " + "xyz".charAt(axis) + " missing";
            }
            int k = (int) window(b, off, pos) & 0xF;
            pos += 4;
            if (k > MAX_RICE_K) {
                return "rice parameter " + k + " of axis " + "xyz".charAt(axis) + " out of 0.." + MAX_RICE_K;
            }
            int maxQuotient = MAX_ZIGZAG >>> k;
            int fit = Math.min(FAST_BITS - GROUP * (k + 1), maxQuotient);
            int singleQuotients = Math.min(WINDOW_BITS - 1 - k, maxQuotient);
            int i = 1;
            int idx = 3 + axis;
            while (i < n) {
                int groups = (n - i) / GROUP;
                if (groups > 0) {
                    int prev = xyz[idx - 3];
                    // One call site per k: the JIT inlines the hot ones and compiles each with its k + 1 as a
                    // constant, so the shifts by it become single instructions (see riceGroups).
                    long done = switch (k) {
                        case 0 -> riceGroups(1, prev, idx, xyz, b, off, pos, fit, groups);
                        case 1 -> riceGroups(2, prev, idx, xyz, b, off, pos, fit, groups);
                        case 2 -> riceGroups(3, prev, idx, xyz, b, off, pos, fit, groups);
                        case 3 -> riceGroups(4, prev, idx, xyz, b, off, pos, fit, groups);
                        case 4 -> riceGroups(5, prev, idx, xyz, b, off, pos, fit, groups);
                        case 5 -> riceGroups(6, prev, idx, xyz, b, off, pos, fit, groups);
                        case 6 -> riceGroups(7, prev, idx, xyz, b, off, pos, fit, groups);
                        case 7 -> riceGroups(8, prev, idx, xyz, b, off, pos, fit, groups);
                        case 8 -> riceGroups(9, prev, idx, xyz, b, off, pos, fit, groups);
                        case 9 -> riceGroups(10, prev, idx, xyz, b, off, pos, fit, groups);
                        case 10 -> riceGroups(11, prev, idx, xyz, b, off, pos, fit, groups);
                        case 11 -> riceGroups(12, prev, idx, xyz, b, off, pos, fit, groups);
                        case 12 -> riceGroups(13, prev, idx, xyz, b, off, pos, fit, groups);
                        default -> riceGroups(14, prev, idx, xyz, b, off, pos, fit, groups);
                    };
                    pos = (int) (done >>> 32);
                    int codes = GROUP * (int) done;
                    i += codes;
                    idx += 3 * codes;
                    if (i >= n) {
                        break;
                    }
                }
                // One code alone: the last 1..4 of the axis, or the first of a group that did not fit. It
                // comes from one window when it lies in it (and in the payload); else its zeros are counted
                // window by window, so that a quotient of any length is bounded and checked.
                long w = window(b, off, pos);
                int q = Long.numberOfTrailingZeros(w);
                int code; // 2u + 1, see UNZIGZAG
                if (q <= singleQuotients && pos + q + 1 + k <= limit) {
                    code = q << (k + 1) | (int) (w >>> q) & ((2 << k) - 1);
                    pos += q + 1 + k;
                } else {
                    q = 0;
                    int zeros;
                    while ((zeros = Long.numberOfTrailingZeros(window(b, off, pos + q))) >= WINDOW_BITS
                            && q <= maxQuotient && pos + q <= limit) {
                        q += WINDOW_BITS;
                    }
                    q += zeros;
                    // Zeros past the payload's end are not the collar's: too many of them is a truncation.
                    boolean exceeds = Math.min(q, limit - pos) > maxQuotient;
                    if (exceeds || pos + q + 1 + k > limit) {
                        return "rice value of axis " + "xyz".charAt(axis) + " at sample " + i
                                + (exceeds ? " exceeds " + MAX_ZIGZAG : " truncated");
                    }
                    pos += q + 1;
                    code = q << (k + 1) | ((int) window(b, off, pos) & ((1 << k) - 1)) << 1 | 1;
                    pos += k;
                }
                xyz[idx] = (short) (xyz[idx - 3] + UNZIGZAG[code]);
                i++;
                idx += 3;
            }
            if (pos > limit) {
                return "rice values of axis " + "xyz".charAt(axis) + " truncated";
            }
        }
        return "";
    }

    /**
     * Decodes up to {@code groups} groups of five Rice codes of parameter {@code k1 - 1} from bit {@code pos}
     * after {@code off} into every third entry of {@code xyz} from {@code idx} on, each count the one before
     * it ({@code prev} for the first) plus the code's difference; stops before the first group whose
     * quotients add up to more than {@code fit} (at most 56 - 5 k1, so that the five codes lie in one 8-byte
     * load, and at most 8190 >>> k, which bounds each quotient too). Returns the bit position after the
     * last group decoded in the high 32 bits and the number of groups decoded in the low ones. Positions are
     * not checked against the payload's length here: the caller checks where the axis ends (bytes past the
     * array read as zero).
     *
     * <p>Kept under the JIT's inlining limit for hot methods (325 bytes of bytecode; the parameters used most
     * come first, as their loads take one byte): inlined at a call site with a constant {@code k1}, its shifts
     * by {@code k1} compile to one instruction each, where Java 17's C2 makes a shift by a variable count
     * three (SHR r, CL); that is a fifth of the Rice decoding time. Its own compiled code (C2 compiles it
     * alone too) must also stay small, under the 2,500 bytes above which C2 no longer inlines a compiled
     * method: a group size passed as a parameter, for instance, broke that.
     */
    private static long riceGroups(int k1, int prev, int idx, short[] xyz, byte[] b, int off, int pos, int fit,
            int groups) {
        int g = 0;
        for (; g < groups; g++, idx += 3 * GROUP) {
            // tN: the bits from code N's stop bit on; its low k1 bits are the stop bit and remainder.
            long t0 = load(b, off + (pos >>> 3)) >>> (pos & 7);
            int q0 = Long.numberOfTrailingZeros(t0);
            t0 >>>= q0;
            int q1 = Long.numberOfTrailingZeros(t0 >>> k1);
            long t1 = t0 >>> k1 >>> q1;
            int q2 = Long.numberOfTrailingZeros(t1 >>> k1);
            long t2 = t1 >>> k1 >>> q2;
            int q3 = Long.numberOfTrailingZeros(t2 >>> k1);
            long t3 = t2 >>> k1 >>> q3;
            int q4 = Long.numberOfTrailingZeros(t3 >>> k1);
            long t4 = t3 >>> k1 >>> q4;
            int quotients = q0 + q1 + q2 + q3 + q4;
            if (quotients > fit) {
                break;
            }
            pos += quotients + GROUP * k1;
            prev = put(xyz, idx, prev, q0, t0, k1);
            prev = put(xyz, idx + 3, prev, q1, t1, k1);
            prev = put(xyz, idx + 6, prev, q2, t2, k1);
            prev = put(xyz, idx + 9, prev, q3, t3, k1);
            prev = put(xyz, idx + 12, prev, q4, t4, k1);
        }
        return (long) pos << 32 | g;
    }

    /**
     * Stores at {@code xyz[idx]} the count {@code prev} plus the difference of the code with quotient {@code q}
     * whose stop bit and remainder are the low {@code k1} bits of {@code t} (its 2u + 1 is then
     * {@code q << k1} OR-ed with them, see UNZIGZAG); returns that count.
     */
    private static int put(short[] xyz, int idx, int prev, int q, long t, int k1) {
        int count = prev + UNZIGZAG[q << k1 | (int) t & ((1 << k1) - 1)];
        xyz[idx] = (short) count;
        return count;
    }

    /** The eight bytes of {@code b} from {@code i} on as a little-endian long; bytes past the array read as zero. */
    private static long load(byte[] b, int i) {
        if (i + 8 <= b.length) {
            return (long) LONG_LE.get(b, i);
        }
        long w = 0;
        for (int j = 0; i + j < b.length && j < 8; j++) {
            w |= (b[i + j] & 0xFFL) << (8 * j);
        }
        return w;
    }

    /**
     * The bits of {@code b} from bit {@code pos} after byte {@code off}, least significant first; at least
     * {@link #WINDOW_BITS} of them are valid, those past the array's end read as zero. Callers check
     * positions against the payload's length: bits past it may be read but never used.
     */
    private static long window(byte[] b, int off, int pos) {
        int i = off + (pos >>> 3);
        if (i + 8 <= b.length) {
            return (long) LONG_LE.get(b, i) >>> (pos & 7);
        }
        long w = 0;
        for (int j = 0; j < 8 && i + j < b.length; j++) {
            w |= (b[i + j] & 0xFFL) << (8 * j);
        }
        return w >>> (pos & 7);
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
