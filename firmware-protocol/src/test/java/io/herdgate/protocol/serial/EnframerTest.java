package io.herdgate.protocol.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EnframerTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Golden line bytes, computed independently from the byte layout in spec/serial-link.md. */
    static Stream<Arguments> golden() {
        return Stream.of(
                Arguments.of(RadioUplink.of(5, -87, -30, 123_456, RadioFrame.of(HEX.parseHex("4001020300"))),
                        "080105a9e240e201054001020305869fff4c00"),
                Arguments.of(RadioDownlink.of(TxTag.of(0x1234), 2, 14, RadioFrame.of(HEX.parseHex("c0ffee00"))),
                        "09023412020ec0ffee050bc549db00"),
                Arguments.of(DongleStatus.of(3_600_000, 1000, 7),
                        "050380ee3603e803010207010105c915bf3900"),
                Arguments.of(TxDone.of(TxTag.of(0x1234), TxOutcome.SENT, 3_601_000),
                        "040434120468f23605e254d88300"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void enframe_knownRecords_matchGoldenBytes(DongleRecord record, String line) {
        assertEquals(line, HEX.formatHex(Enframer.create().enframe(record)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void deframe_goldenBytes_giveTheRecord(DongleRecord record, String line) {
        List<Deframed> out = new java.util.ArrayList<>();
        Deframer.create().feed(HEX.parseHex(line), out::add);
        assertEquals(List.of(Deframed.Accepted.of(record)), out);
    }

    @Test
    void enframe_intoBufferAtOffset_writesOnlyItsBytes() {
        DongleStatus status = DongleStatus.of(1, 2, 3);
        byte[] expected = Enframer.create().enframe(status);
        byte[] dst = new byte[expected.length + 10];
        int n = Enframer.create().enframe(status, dst, 4);
        assertEquals(expected.length, n);
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(dst, 4, 4 + n));
        assertEquals(0, dst[3]);
        assertEquals(0, dst[4 + n]);
    }

    @Test
    void enframe_largestUplink_takesMaxOnLineBytes() {
        byte[] frame = new byte[SerialLimits.MAX_RADIO_FRAME];
        java.util.Arrays.fill(frame, (byte) 0x5A);
        RadioUplink uplink = RadioUplink.of(255, -128, 127, 0xFFFF_FFFFL, RadioFrame.of(frame));
        // 8 + 255 record bytes + 4 CRC bytes = 267; with no zero inside (the CRC is 46 20 A9 F8)
        // that is 267 + 2 code bytes + the delimiter.
        assertEquals(270, Enframer.create().enframe(uplink).length);
        assertEquals(270, SerialLimits.MAX_ON_LINE);
    }

    @Test
    void enframe_bufferWithoutRoomForDelimiter_isRejected() {
        DongleStatus status = DongleStatus.of(1, 2, 3);
        int exact = Enframer.create().enframe(status).length;
        assertThrows(IndexOutOfBoundsException.class,
                () -> Enframer.create().enframe(status, new byte[Cobs.maxEncodedLength(17)], 0));
        assertEquals(exact, Enframer.create().enframe(status, new byte[exact], 0));
    }
}
