package io.herdgate.protocol.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CobsTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The published table (Cheshire and Baker, 1999), encoded form before the delimiter. */
    static Stream<Arguments> publishedTable() {
        byte[] run254 = new byte[254];
        for (int i = 0; i < 254; i++) {
            run254[i] = (byte) (i + 1);
        }
        byte[] encoded254 = new byte[255];
        encoded254[0] = (byte) 0xFF;
        System.arraycopy(run254, 0, encoded254, 1, 254);
        return Stream.of(
                Arguments.of("00", HEX.parseHex("00"), HEX.parseHex("0101")),
                Arguments.of("00 00", HEX.parseHex("0000"), HEX.parseHex("010101")),
                Arguments.of("11 22 00 33", HEX.parseHex("11220033"), HEX.parseHex("0311220233")),
                Arguments.of("11 22 33 44", HEX.parseHex("11223344"), HEX.parseHex("0511223344")),
                Arguments.of("11 00 00 00", HEX.parseHex("11000000"), HEX.parseHex("0211010101")),
                Arguments.of("01..FE", run254, encoded254));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedTable")
    void encode_publishedExamples_matchTable(String name, byte[] input, byte[] expected) {
        byte[] out = new byte[Cobs.maxEncodedLength(input.length) + 3];
        int n = Cobs.encode(input, 0, input.length, out, 3);
        assertArrayEquals(expected, Arrays.copyOfRange(out, 3, 3 + n));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedTable")
    void decode_publishedExamples_restoreInput(String name, byte[] expected, byte[] encoded) {
        byte[] out = new byte[encoded.length];
        int n = Cobs.decode(encoded, 0, encoded.length, out, 0);
        assertArrayEquals(expected, Arrays.copyOf(out, n));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedTable")
    void decode_inPlace_restoresInput(String name, byte[] expected, byte[] encoded) {
        byte[] buf = encoded.clone();
        int n = Cobs.decode(buf, 0, buf.length, buf, 0);
        assertArrayEquals(expected, Arrays.copyOf(buf, n));
    }

    @ParameterizedTest(name = "{0} bytes encode to at most {1}")
    @CsvSource({"0, 1", "1, 2", "253, 254", "254, 255", "255, 257", "508, 510", "509, 512"})
    void maxEncodedLength_isLengthPlusOneCodePer254(int n, int max) {
        assertEquals(max, Cobs.maxEncodedLength(n));
    }

    @Test
    void encode_worstCaseInputs_reachButNeverExceedTheBound() {
        Random random = new Random(7);
        for (int n = 0; n <= 600; n++) {
            byte[] nonZero = new byte[n];
            for (int i = 0; i < n; i++) {
                nonZero[i] = (byte) (1 + random.nextInt(255));
            }
            byte[] out = new byte[Cobs.maxEncodedLength(n)];
            assertEquals(out.length, Cobs.encode(nonZero, 0, n, out, 0), "all non-zero, n=" + n);
        }
    }

    static Stream<Arguments> malformed() {
        byte[] redundantFinalBlock = new byte[256];
        Arrays.fill(redundantFinalBlock, (byte) 0x42);
        redundantFinalBlock[0] = (byte) 0xFF;
        redundantFinalBlock[255] = 0x01;
        return Stream.of(
                Arguments.of("empty input", new byte[0]),
                Arguments.of("zero byte inside a block", HEX.parseHex("0311002233")),
                Arguments.of("code points past the end", HEX.parseHex("0711223344")),
                Arguments.of("code byte 0x00", HEX.parseHex("00")),
                Arguments.of("empty final block after a full one", redundantFinalBlock));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void decode_malformedInput_returnsMinusOne(String name, byte[] in) {
        assertEquals(-1, Cobs.decode(in, 0, in.length, new byte[Math.max(1, in.length)], 0));
    }

    @Test
    void roundTrip_randomInputsWithManyZeros_restoreInputAndHoldNoZero() {
        Random random = new Random(42);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] in = new byte[random.nextInt(700)];
            for (int i = 0; i < in.length; i++) {
                in[i] = random.nextInt(4) == 0 ? 0 : (byte) random.nextInt(256);
            }
            byte[] enc = new byte[Cobs.maxEncodedLength(in.length)];
            int n = Cobs.encode(in, 0, in.length, enc, 0);
            assertEquals(-1, IntStream.range(0, n).filter(i -> enc[i] == 0).findFirst().orElse(-1), "zero in output");
            byte[] dec = new byte[n];
            int m = Cobs.decode(enc, 0, n, dec, 0);
            assertArrayEquals(in, Arrays.copyOf(dec, m));
        }
    }

    @Test
    void encode_destinationTooSmall_isRejectedBeforeWriting() {
        byte[] in = {1, 2, 3};
        assertThrows(IndexOutOfBoundsException.class, () -> Cobs.encode(in, 0, 3, new byte[3], 0));
    }
}
