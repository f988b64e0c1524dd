package io.herdgate.protocol.payload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.MessageType;
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
        private final byte[] bytes = new byte[1 << 16];
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
        // Quotients 0..60, as far as k allows (8190 >>> k): short codes come five to a load, codes up to 57
        // bits one by one from a window, longer ones are counted window by window. Each phase starts
        // the quotient sequence elsewhere, so codes land at every position of the 64-bit loads and groups.
        int maxQuotient = 8190 >>> k;
        for (int phase = 0; phase < 64; phase++) {
            Bits bits = new Bits().put(0, 12).put(0, 12).put(0, 12).put(k, 4);
            short[] expected = new short[3 * SampleBatch.MAX_SAMPLES];
            int prev = 0;
            for (int i = 1; i < SampleBatch.MAX_SAMPLES; i++) {
                int q = Math.min((i * 7 + phase) % 61, maxQuotient);
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

    /** Rice codes of the zigzag values {@code us} on axis x under {@code k}, zero differences on y and z. */
    private static byte[] riceX(int k, int[] us) {
        Bits bits = new Bits().put(0, 12).put(0, 12).put(0, 12).put(k, 4);
        for (int u : us) {
            bits.rice(u, k);
        }
        for (int axis = 1; axis < 3; axis++) {
            bits.put(0, 4);
            for (int i = 0; i < us.length; i++) {
                bits.rice(0, 0);
            }
        }
        return bits.toArray();
    }

    /** The x counts the zigzag differences {@code us} lead to from 0, interleaved with zero y and z. */
    private static short[] walkX(int[] us) {
        short[] xyz = new short[3 * (us.length + 1)];
        int prev = 0;
        for (int i = 0; i < us.length; i++) {
            prev += us[i] >>> 1 ^ -(us[i] & 1);
            xyz[3 * (i + 1)] = (short) prev;
        }
        return xyz;
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {0, 2, 5, 9})
    void rice_groupsAtTheirQuotientLimitAndOneOver_decodeInEveryPositionOfAGroup(int k) {
        // Five codes are taken at once when their quotients add up to at most min(56 - 5 (k + 1), 8190 >>> k);
        // one quotient more anywhere in a group sends the decoder through the single-code path and back.
        // Lengths 10..14 leave 0..4 codes after the last whole group. Low remainder bits alternate the signs.
        int limit = Math.min(56 - 5 * (k + 1), 8190 >>> k);
        for (int over = 0; over <= 1; over++) {
            for (int codes = 10; codes <= 14; codes++) {
                for (int at = -1; at < codes; at++) {
                    int[] us = new int[codes];
                    for (int i = 0; i < codes; i++) {
                        int q = limit / 5 + (i == at ? limit % 5 + over : 0);
                        us[i] = q << k | (k > 0 ? i & 1 : 0);
                    }
                    for (int off = 0; off < 8; off += 3) {
                        String where = "codes " + codes + ", " + (over == 1 ? "over" : "at") + " the limit at " + at
                                + ", off " + off;
                        short[] xyz = new short[3 * (codes + 1)];
                        assertEquals("", readRice(riceX(k, us), off, 0, 0xFF, codes + 1, xyz), where);
                        assertArrayEquals(walkX(us), xyz, where);
                    }
                }
            }
        }
    }

    /** Every k of the three axes of a test stream: axis x has {@code k}, y and z the parameters after it. */
    private static int[] parameters(int k) {
        return new int[] {k, (k + 5) % 14, (k + 9) % 14};
    }

    /**
     * A stream of {@code n} samples whose axes use {@code ks}: mostly short codes (quotients 0..3, taken five at
     * a time), every seventh or so a long one (up to 70 zeros, as far as k allows) that stops a group; the
     * walk is kept in -2048..2047. Fills {@code expected} with the counts.
     */
    private static byte[] riceStream(int[] ks, int n, long seed, short[] expected) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] first = {random.nextInt(-2048, 2048), random.nextInt(-2048, 2048), random.nextInt(-2048, 2048)};
        Bits bits = new Bits().put(first[0], 12).put(first[1], 12).put(first[2], 12);
        for (int axis = 0; axis < 3; axis++) {
            int k = ks[axis];
            int maxQuotient = 8190 >>> k;
            bits.put(k, 4);
            int prev = first[axis];
            expected[axis] = (short) prev;
            for (int i = 1; i < n; i++) {
                int q = Math.min(random.nextInt(7) == 0 ? random.nextInt(71) : random.nextInt(4), maxQuotient);
                int u = q << k | random.nextInt(1 << k);
                int d = u >>> 1 ^ -(u & 1);
                if (prev + d > SampleBatch.MAX_COUNT || prev + d < SampleBatch.MIN_COUNT) {
                    u ^= 1; // the same magnitude the other way: back towards the middle
                    d = u >>> 1 ^ -(u & 1);
                }
                prev += d;
                expected[3 * i + axis] = (short) prev;
                bits.rice(u, k);
            }
        }
        return bits.toArray();
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
    void rice_everyParameterOnEveryAxis_decodesGroupsTailsAndLongCodes(int k) {
        // Each k is decoded by its own compiled copy of the group loop, so every one is tried on every axis,
        // with 0..4 codes after the last whole group and groups that a long code stops.
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 17, 33, 34, 48, 49}) {
            for (long seed = 1; seed <= 6; seed++) {
                short[] expected = new short[3 * n];
                byte[] coded = riceStream(parameters(k), n, 31 * seed + n, expected);
                for (int off = 0; off < 4; off++) {
                    String where = "n " + n + ", seed " + seed + ", off " + off;
                    short[] xyz = new short[3 * n];
                    assertEquals("", readRice(coded, off, off, 0xFF, n, xyz), where);
                    assertArrayEquals(expected, xyz, where);
                }
            }
        }
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
    void rice_everyCutOfTheStream_isRejectedThoughTheBytesAfterHoldTheRest(int k) {
        // Every byte of a stream holds at least one of its bits, so every shorter length must be refused
        // (never decoded from the bytes after the cut, never thrown).
        short[] expected = new short[3 * SampleBatch.MAX_SAMPLES];
        byte[] coded = riceStream(parameters(k), SampleBatch.MAX_SAMPLES, k, expected);
        byte[] b = Arrays.copyOf(coded, coded.length + 8);
        for (int len = 0; len < coded.length; len++) {
            short[] xyz = new short[expected.length];
            String problem = SampleCoding.read(SampleCoding.RICE, b, 0, len, SampleBatch.MAX_SAMPLES, xyz);
            assertTrue(problem.contains("truncated") || problem.contains("missing") || problem.contains("needs"),
                    "length " + len + " of " + coded.length + ": '" + problem + "'");
        }
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
    void rice_walkFromEndToEndOfTheRange_decodesExactly(int k) {
        // x: -2048, then +4095 and -4095 in turn (zigzag 8190, 8189); y the same from 2047; z stays at 0.
        int n = 13;
        Bits bits = new Bits().put(-2048, 12).put(2047, 12).put(0, 12);
        short[] expected = new short[3 * n];
        for (int axis = 0; axis < 3; axis++) {
            bits.put(k, 4);
            int prev = axis == 0 ? -2048 : axis == 1 ? 2047 : 0;
            expected[axis] = (short) prev;
            for (int i = 1; i < n; i++) {
                int u = axis == 2 ? 0 : prev < 0 ? 8190 : 8189;
                prev += u >>> 1 ^ -(u & 1);
                expected[3 * i + axis] = (short) prev;
                bits.rice(u, k);
            }
        }
        short[] xyz = new short[3 * n];
        assertEquals("", readRice(bits.toArray(), 1, 0, 0xFF, n, xyz));
        assertArrayEquals(expected, xyz);
    }

    @ParameterizedTest(name = "{0} zeros after {1} short codes")
    @CsvSource({"55, 0", "55, 5", "56, 0", "56, 1", "56, 5", "56, 6", "57, 0", "57, 4", "57, 5", "120, 2"})
    void rice_codesAtTheWindowLimit_decodeFromOneWindowOrTheSlowPath(int zeros, int before) {
        // k = 0: 56 zeros and the stop bit are the longest code one window holds (57 bits at any bit offset);
        // one more zero goes through the slow path, which must go on exactly after the code. Codes before it
        // (0..6) put it first in a group, inside one, or after the last one.
        int[] us = new int[before + 6];
        for (int i = 0; i < us.length; i++) {
            us[i] = i == before ? zeros : (i & 1) + 1;
        }
        short[] xyz = new short[3 * (us.length + 1)];
        assertEquals("", readRice(riceX(0, us), 3, 0, 0xFF, us.length + 1, xyz));
        assertArrayEquals(walkX(us), xyz);
    }

    @ParameterizedTest(name = "leaves at code {0}")
    @ValueSource(ints = {0, 1, 2, 3, 5, 9})
    void rice_walkLeavingTheRangeInsideAGroup_isDecodedAsItsOwnCountAndRejectedAsPayload(int at) {
        // Small steps up to 2040, then one of +8 takes x to 2048 at code `at`, first of a group or inside one.
        int[] us = new int[10];
        for (int i = 0; i < us.length; i++) {
            us[i] = i < at ? 2 * 204 : 0;
        }
        us[at] = 2 * (2048 - 204 * at);
        short[] xyz = new short[3 * (us.length + 1)];
        byte[] coded = riceX(12, us);
        // The decoder leaves the range to SampleBatch, so the count must arrive unchanged (not wrapped).
        assertEquals("", readRice(coded, 0, 4, 0, us.length + 1, xyz));
        assertEquals(2048, xyz[3 * (at + 1)]);
        assertEquals("SAMPLE_BATCH: sample " + (at + 1) + " axis x = 2048 out of the 12-bit range -2048..2047",
                ((PayloadResult.Malformed) decodeRicePayload(coded, us.length + 1)).detail());
    }

    /** {@code coded} as the samples of a whole {@code SAMPLE_BATCH} payload of {@code n} samples, decoded. */
    private static PayloadResult decodeRicePayload(byte[] coded, int n) {
        byte[] payload = new byte[PayloadCodec.SAMPLE_HEADER_SIZE + coded.length];
        payload[4] = (byte) 0xE8; // 1000 centi-Hz
        payload[5] = 0x03;
        payload[6] = (byte) AccelRange.G4.code();
        payload[7] = SampleCoding.RICE;
        payload[8] = (byte) n;
        System.arraycopy(coded, 0, payload, PayloadCodec.SAMPLE_HEADER_SIZE, coded.length);
        return PayloadCodec.decode(MessageType.SAMPLE_BATCH, payload, 0, payload.length);
    }

    @ParameterizedTest(name = "largest steps from {0}")
    @ValueSource(ints = {-2048, 2047})
    void rice_walkOfLargestStepsOutOfTheRange_neverWrapsBackUnseen(int start) {
        // 48 steps of the largest difference away from the range: the walk wraps the short many times,
        // but its first count outside is at most 4096 beyond the range and so stored as itself, where
        // SampleBatch sees it.
        int[] us = new int[48];
        Arrays.fill(us, start < 0 ? 8191 : 8190); // zigzag 8191 = -4096, 8190 = +4095
        short[] xyz = new short[3 * (us.length + 1)];
        Bits bits = new Bits().put(start, 12).put(0, 12).put(0, 12).put(13, 4);
        for (int u : us) {
            bits.rice(u, 13);
        }
        for (int axis = 1; axis < 3; axis++) {
            bits.put(0, 4);
            for (int i = 0; i < us.length; i++) {
                bits.rice(0, 0);
            }
        }
        byte[] coded = bits.toArray();
        assertEquals("", readRice(coded, 0, 0, 0, us.length + 1, xyz));
        int first = start + (start < 0 ? -4096 : 4095);
        assertEquals(first, xyz[3]);
        assertEquals("SAMPLE_BATCH: sample 1 axis x = " + first + " out of the 12-bit range -2048..2047",
                ((PayloadResult.Malformed) decodeRicePayload(coded, us.length + 1)).detail());
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
