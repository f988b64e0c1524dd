package io.herdgate.protocol.message;

import java.util.Arrays;

/**
 * A batch of raw 3-axis accelerometer samples.
 *
 * @param firstSampleAgeMs age of the first sample when the frame was sent, in ms (0..2^32-1); the
 *                         receiver dates the batch from its receive time, so a collar needs no clock
 * @param rateCentiHz      sample rate in 1/100 Hz (e.g. 1000 = 10 Hz), 1..65535
 * @param range            full-scale range; one count is {@link AccelRange#milliGPerCount()} mg
 * @param xyz              interleaved signed 12-bit counts {@code x0,y0,z0,x1,...}; length a multiple of 3,
 *                         at most {@link #MAX_SAMPLES} samples. The canonical constructor takes ownership of
 *                         the array without copying it (the decoder's path, which fills a fresh array and
 *                         never touches it again); all other code creates batches with {@link #of}, which
 *                         copies. The accessor returns a copy.
 */
public record SampleBatch(long firstSampleAgeMs, int rateCentiHz, AccelRange range, short[] xyz) implements Uplink {

    /** Largest count a 12-bit signed sample can carry. */
    public static final int MAX_COUNT = 2047;
    /** Smallest count a 12-bit signed sample can carry. */
    public static final int MIN_COUNT = -2048;
    /**
     * Most samples one batch carries (49): their 12-bit packing, the coding of last resort, then always fits
     * the largest frame payload (10 + ceil(4.5 × 49) = 231 ≤ 234 bytes).
     */
    public static final int MAX_SAMPLES = 49;

    public SampleBatch {
        if (firstSampleAgeMs < 0 || firstSampleAgeMs > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("firstSampleAgeMs out of 0..2^32-1: " + firstSampleAgeMs);
        }
        if (rateCentiHz < 1 || rateCentiHz > 0xFFFF) {
            throw new IllegalArgumentException("rateCentiHz out of 1..65535: " + rateCentiHz);
        }
        java.util.Objects.requireNonNull(range, "range");
        if (xyz.length % 3 != 0) {
            throw new IllegalArgumentException("xyz length not a multiple of 3: " + xyz.length);
        }
        if (xyz.length > 3 * MAX_SAMPLES) {
            throw new IllegalArgumentException("samples out of 0.." + MAX_SAMPLES + ": " + xyz.length / 3);
        }
        // The only range check of a decoded batch (the decoders leave it to this constructor): one
        // branch-free pass, since s - MIN_COUNT is 0..4095 exactly when s is in range, so bits above the
        // 12th show up in the OR only for an offender, which is looked up only when there is one.
        int outOfRange = 0;
        for (short s : xyz) {
            outOfRange |= s - MIN_COUNT;
        }
        if (outOfRange >>> 12 != 0) {
            for (int i = 0; i < xyz.length; i++) {
                if (xyz[i] < MIN_COUNT || xyz[i] > MAX_COUNT) {
                    throw new IllegalArgumentException("sample " + i / 3 + " axis " + "xyz".charAt(i % 3) + " = "
                            + xyz[i] + " out of the 12-bit range " + MIN_COUNT + ".." + MAX_COUNT);
                }
            }
        }
    }

    /** A batch holding a copy of {@code xyz}. */
    public static SampleBatch of(long firstSampleAgeMs, int rateCentiHz, AccelRange range, short[] xyz) {
        return new SampleBatch(firstSampleAgeMs, rateCentiHz, range, xyz.clone());
    }

    @Override
    public MessageType type() {
        return MessageType.SAMPLE_BATCH;
    }

    /** Number of samples (triplets). */
    public int count() {
        return xyz.length / 3;
    }

    /** The count at interleaved index {@code i} ({@code 3 * sample + axis}), without copying the array. */
    public short value(int i) {
        return xyz[i];
    }

    public short x(int i) {
        return xyz[3 * i];
    }

    public short y(int i) {
        return xyz[3 * i + 1];
    }

    public short z(int i) {
        return xyz[3 * i + 2];
    }

    /** A copy of the interleaved counts. */
    @Override
    public short[] xyz() {
        return xyz.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleBatch b && b.firstSampleAgeMs == firstSampleAgeMs
                && b.rateCentiHz == rateCentiHz && b.range == range && Arrays.equals(b.xyz, xyz);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(firstSampleAgeMs) + rateCentiHz) + Arrays.hashCode(xyz);
    }

    @Override
    public String toString() {
        return "SampleBatch[age=" + firstSampleAgeMs + "ms, rate=" + rateCentiHz / 100.0 + "Hz, range="
                + range + ", samples=" + count() + "]";
    }
}
