package io.herdgate.protocol.firmware;

import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.ImageId;
import io.herdgate.protocol.payload.PayloadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HexFormat;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class FirmwarePayloadsTest {

    private static final ImageId ID = ImageId.of(0x0123456789ABCDEFL);
    private static final HexFormat HEX = HexFormat.of();

    static Stream<FirmwareCommand> commands() {
        byte[] sha = new byte[32];
        sha[0] = 0x01;
        sha[31] = (byte) 0xFF;
        byte[] sig = new byte[64];
        sig[63] = 0x7E;
        return Stream.of(
                FirmwareCommand.Begin.of(65536, sha, FirmwareVersion.of(1, 2, 3), 0x0203, sig),
                FirmwareCommand.Chunk.of(ID, 0xFFFF_FFFEL, new byte[] {1, 2, 3}),
                FirmwareCommand.Chunk.of(ID, 0, new byte[FirmwareCommand.Chunk.MAX_DATA_BYTES]),
                FirmwareCommand.Verify.of(ID), FirmwareCommand.TestBoot.of(ID), FirmwareCommand.Confirm.of(ID),
                FirmwareCommand.Abort.of(ID), FirmwareCommand.StatusQuery.of(ID));
    }

    static Stream<FirmwareReply> replies() {
        return Stream.concat(Stream.of(
                FirmwareReply.NextOffset.of(ID, 0xFFFF_FFFFL), FirmwareReply.Verified.of(ID),
                FirmwareReply.Booted.of(ID, FirmwareVersion.of(255, 0, 1)),
                FirmwareReply.Confirmed.of(ID, FirmwareVersion.of(1, 1, 0)),
                FirmwareReply.Reverted.of(ID, FirmwareVersion.of(1, 0, 0)), FirmwareReply.Aborted.of(ID)),
                Stream.of(FirmwareReply.Reason.values()).map(r -> FirmwareReply.Rejected.of(ID, r)));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void command_encodeThenDecode_givesItBack(FirmwareCommand command) {
        assertEquals(new PayloadResult.Ok(command), FirmwarePayloads.decodeCommand(FirmwarePayloads.encode(command)));
    }

    @ParameterizedTest
    @MethodSource("replies")
    void reply_encodeThenDecode_givesItBack(FirmwareReply reply) {
        assertEquals(new PayloadResult.Ok(reply), FirmwarePayloads.decodeReply(FirmwarePayloads.encode(reply)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "chunk,       020123456789abcdef04030201aabb",
            "verify,      030123456789abcdef",
            "test boot,   040123456789abcdef",
            "confirm,     050123456789abcdef",
            "abort,       060123456789abcdef",
            "status,      070123456789abcdef"})
    void command_golden_bytesDecodeAndReencode(String name, String hex) {
        byte[] bytes = HEX.parseHex(hex);
        PayloadResult r = FirmwarePayloads.decodeCommand(bytes);
        FirmwareCommand c = (FirmwareCommand) assertInstanceOf(PayloadResult.Ok.class, r, name).message();
        assertEquals(ID, c.image());
        assertEquals(hex, HEX.formatHex(FirmwarePayloads.encode(c)));
    }

    @Test
    void chunk_golden_offsetIsLittleEndian() {
        PayloadResult r = FirmwarePayloads.decodeCommand(HEX.parseHex("020123456789abcdef04030201aabb"));
        assertEquals(new PayloadResult.Ok(FirmwareCommand.Chunk.of(ID, 0x01020304L, new byte[] {(byte) 0xAA, (byte) 0xBB})), r);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "next offset, 010123456789abcdef00000100, 65536",
            "rejected,    070123456789abcdef01,       BAD_SIGNATURE",
            "booted,      030123456789abcdef010200,   1.2.0"})
    void reply_golden_bytesDecode(String name, String hex, String field) {
        FirmwareReply expected = switch (name) {
            case "next offset" -> FirmwareReply.NextOffset.of(ID, Long.parseLong(field));
            case "rejected" -> FirmwareReply.Rejected.of(ID, FirmwareReply.Reason.valueOf(field));
            default -> FirmwareReply.Booted.of(ID, FirmwareVersion.parse(field));
        };
        assertEquals(new PayloadResult.Ok(expected), FirmwarePayloads.decodeReply(HEX.parseHex(hex)));
        assertEquals(hex, HEX.formatHex(FirmwarePayloads.encode(expected)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "empty,                '',                                 empty payload",
            "unknown op,           090123456789abcdef,                operation 0x09 unknown, allowed 0x01..0x07",
            "verify too short,     030123456789abcd,                  VERIFY: payload of 8 bytes, at least 9 needed",
            "chunk without data,   020123456789abcdef04030201,        CHUNK: 13 bytes",
            "begin truncated,      0100000100,                        BEGIN: payload of 5 bytes, at least 106 needed"})
    void command_badBytes_areMalformedWithAReason(String name, String hex, String reason) {
        PayloadResult r = FirmwarePayloads.decodeCommand(HEX.parseHex(hex));
        PayloadResult.Malformed m = assertInstanceOf(PayloadResult.Malformed.class, r, name);
        assertTrue(m.detail().contains(reason), m.detail());
    }

    @Test
    void begin_zeroSize_isMalformed() {
        byte[] bytes = new byte[FirmwarePayloads.BEGIN_BYTES];
        bytes[0] = 1;
        PayloadResult.Malformed m = assertInstanceOf(PayloadResult.Malformed.class, FirmwarePayloads.decodeCommand(bytes));
        assertTrue(m.detail().contains("image size 0"), m.detail());
    }

    @Test
    void verify_extraBytesOfANewerMinor_areSkipped() {
        assertEquals(new PayloadResult.Ok(FirmwareCommand.Verify.of(ID)),
                FirmwarePayloads.decodeCommand(HEX.parseHex("030123456789abcdef5a5a")));
    }

    @Test
    void chunk_tooLong_isMalformed() {
        byte[] bytes = new byte[FirmwarePayloads.MAX_PAYLOAD_BYTES + 1];
        bytes[0] = 2;
        assertInstanceOf(PayloadResult.Malformed.class, FirmwarePayloads.decodeCommand(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "empty,           '',                         empty payload",
            "unknown op,      000123456789abcdef,         operation 0x00 unknown",
            "unknown reason,  070123456789abcdef63,       reason 99 unknown, allowed 1..10",
            "short offset,    010123456789abcdef0000,     NEXT_OFFSET: payload of 11 bytes, at least 13 needed"})
    void reply_badBytes_areMalformedWithAReason(String name, String hex, String reason) {
        PayloadResult.Malformed m = assertInstanceOf(PayloadResult.Malformed.class,
                FirmwarePayloads.decodeReply(HEX.parseHex(hex)), name);
        assertTrue(m.detail().contains(reason), m.detail());
    }

    @Test
    void decode_everyTruncationOfEveryMessage_neverThrows() {
        Stream.concat(commands().map(FirmwarePayloads::encode), replies().map(FirmwarePayloads::encode)).forEach(b -> {
            for (int n = 0; n < b.length; n++) {
                byte[] cut = java.util.Arrays.copyOf(b, n);
                assertDoesNotThrow(() -> FirmwarePayloads.decodeCommand(cut));
                assertDoesNotThrow(() -> FirmwarePayloads.decodeReply(cut));
            }
        });
    }
}
