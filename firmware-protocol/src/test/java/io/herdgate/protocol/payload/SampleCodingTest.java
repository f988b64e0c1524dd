package io.herdgate.protocol.payload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.SampleBatch;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Rice decoder's bit buffer at its edges: word boundaries, long codes, the end of the bytes. */
class SampleCodingTest {

    /** A bit string written least significant bit first, as the codings are. */
    private static final class Bits {
        private final byte[] bytes = new byte[2048];
        private int length;

        Bits put(long value, int width) {
            for (int i = 0; i < width; i++, length++) {
                if ((value >>> i & 1) != 0) {
                    bytes[length >>> 3] |= (byte) (1 << (length & 7));
                }
            }
            return this;
        }

        Bits zeros(int count) {
            length += count;
            return this;
        }

        /** A Rice code of {@code u} under parameter {@code k}. */
        Bits rice(int u, int k) {
            return zeros(u >>> k).put(1, 1).put(u, k);
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, (length + 7) / 8);
        }
    }

    /** Decodes {@code n} Rice-coded samples from {@code coded} placed at {@code off} in a larger array. */
    private static String readRice(byte[] coded, int off, int tail, int fill, int n, short[] xyz) {
        byte[] b = new byte[off + coded.length + tail];
        Arrays.fill(b, (byte) fill);
        System.arraycopy(coded, 0, b, off, coded.length);
        return SampleCoding.read(SampleCoding.RICE, b, off, coded.length, n, xyz);
    }

    /** A random walk of 49 samples whose steps are up to {@code 2^scale} counts, kept in range. */
    private static SampleBatch walk(int scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        short[] xyz = new short[3 * SampleBatch.MAX_SAMPLES];
        for (int i = 0; i < xyz.length; i++) {
            int prev = i < 3 ? 0 : xyz[i - 3];
            int step = random.nextInt(-(1 << scale), (1 << scale) + 1);
            xyz[i] = (short) Math.max(SampleBatch.MIN_COUNT, Math.min(SampleBatch.MAX_COUNT, prev + step));
        }
        return SampleBatch.of(0, 1000, AccelRange.G4, xyz);
    }

    @ParameterizedTest(name = "steps up to 2^{0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void rice_everyAlignmentAndNeighbourhood_decodesTheSameSamples(int scale) {
        // Byte offsets 0..8 move every code across the 8-byte loads; nothing after the payload (tail 0)
        // takes the byte-by-byte path at the array's end, and 0xFF after it must not leak into the values.
        for (long seed = 1; seed <= 8; seed++) {
            SampleBatch batch = walk(scale, seed);
            byte[] coded = new byte[4096];
            byte[] exact = Arrays.copyOf(coded, SampleCoding.write(batch, SampleCoding.RICE, coded, 0));
            for (int off = 0; off <= 8; off++) {
                for (int tail : new int[] {0, 3, 16}) {
                    short[] xyz = new short[3 * batch.count()];
                    String problem = readRice(exact, off, tail, 0xFF, batch.count(), xyz);
                    assertEquals("", problem, "scale " + scale + ", seed " + seed + ", off " + off + ", tail " + tail);
                    assertArrayEquals(batch.xyz(), xyz, "scale " + scale + ", seed " + seed + ", off " + off);
                }
            }
        }
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {0, 1, 5, 12, 13})
    void rice_codesAroundTheFastPathLimit_decodeWherever8ByteLoadsSplitThem(int k) {
        // Quotients 0..40, as far as k allows (8190 >>> k): codes up to 32 bits come from the bit buffer,
        // longer ones are counted the slow way. Each phase starts the quotient sequence elsewhere, so
        // codes land at every position of the 64-bit loads.
        int maxQuotient = 8190 >>> k;
        for (int phase = 0; phase < 64; phase++) {
            Bits bits = new Bits().put(0, 12).put(0, 12).put(0, 12).put(k, 4);
            short[] expected = new short[3 * SampleBatch.MAX_SAMPLES];
            int prev = 0;
            for (int i = 1; i < SampleBatch.MAX_SAMPLES; i++) {
                int q = Math.min((i * 7 + phase) % 41, maxQuotient);
                int u = Math.min(q << k | (0x5A5A * i + phase) & ((1 << k) - 1), 4094);
                int d = u >>> 1 ^ -(u & 1);
                if (prev + d > SampleBatch.MAX_COUNT || prev + d < SampleBatch.MIN_COUNT) {
                    u = 0;
                    d = 0;
                }
                prev += d;
                expected[3 * i] = (short) prev;
                bits.rice(u, k);
            }
            for (int axis = 1; axis < 3; axis++) {
                bits.put(0, 4);
                for (int i = 1; i < SampleBatch.MAX_SAMPLES; i++) {
                    bits.rice(0, 0);
                }
            }
            short[] xyz = new short[3 * SampleBatch.MAX_SAMPLES];
            String problem = readRice(bits.toArray(), phase % 8, phase % 3, 0xFF, SampleBatch.MAX_SAMPLES, xyz);
            assertEquals("", problem, "k " + k + ", phase " + phase);
            assertArrayEquals(expected, xyz, "k " + k + ", phase " + phase);
        }
    }

    @ParameterizedTest(name = "{0} zeros")
    @CsvSource({"8190, ''", "8191, 'rice value of axis x at sample 1 exceeds 8190'"})
    void rice_longestUnaryRun_isTheLargestDifference(int zeros, String problem) {
        // k = 0 and 8190 zeros: zigzag 8190 = +4095, from -2048 to 2047 in one step.
        byte[] coded = new Bits().put(-2048, 12).put(0, 12).put(0, 12)
                .put(0, 4).zeros(zeros).put(1, 1)
                .put(0, 4).put(1, 1)
                .put(0, 4).put(1, 1).toArray();
        short[] xyz = new short[6];
        String result = readRice(coded, 5, 0, 0, 2, xyz);
        assertEquals(problem, result);
        if (problem.isEmpty()) {
            assertArrayEquals(new short[] {-2048, 0, 0, 2047, 0, 0}, xyz);
        }
    }

    @ParameterizedTest(name = "k = 13, quotient {0}")
    @CsvSource({"0, ''", "1, 'rice value of axis x at sample 1 exceeds 8190'"})
    void rice_quotientAboveTheRangeOfItsParameter_isRejected(int quotient, String problem) {
        byte[] coded = new Bits().put(0, 12).put(0, 12).put(0, 12)
                .put(13, 4).zeros(quotient).put(1, 1).put(2, 13)
                .put(0, 4).put(1, 1)
                .put(0, 4).put(1, 1).toArray();
        short[] xyz = new short[6];
        assertEquals(problem, readRice(coded, 0, 8, 0xFF, 2, xyz));
    }

    @ParameterizedTest(name = "cut {0} bytes")
    @ValueSource(ints = {1, 2, 5, 9, 17})
    void rice_truncatedBits_areRejectedThoughTheBytesAfterHoldTheRest(int cut) {
        // The bytes after the cut still hold the rest of the codes: a decoder that trusted them would succeed.
        SampleBatch batch = walk(6, 3);
        byte[] coded = new byte[4096];
        int len = SampleCoding.write(batch, SampleCoding.RICE, coded, 0);
        short[] xyz = new short[3 * batch.count()];
        String problem = SampleCoding.read(SampleCoding.RICE, coded, 0, len - cut, batch.count(), xyz);
        assertTrue(problem.contains("truncated"), problem);
    }
}
