package io.herdgate.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.herdgate.protocol.Samples;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.ImageId;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.SampleBatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MessageJsonTest {

    static Stream<Message> everyType() {
        return Samples.everyType().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void read_ofWrite_isTheSameMessage(Message m) {
        assertEquals(new ReadResult.Ok(m), MessageJson.read(MessageJson.write(m)));
    }

    static Stream<Message> firmwareMessages() {
        ImageId image = ImageId.of(0x0123456789ABCDEFL);
        byte[] sha = new byte[32];
        sha[0] = 1;
        return Stream.of(
                FirmwareCommand.Begin.of(65_536, sha, FirmwareVersion.of(2, 0, 1), 3, new byte[64]),
                FirmwareCommand.Chunk.of(image, 192, new byte[] {1, 2, 3}),
                FirmwareCommand.Verify.of(image),
                FirmwareReply.NextOffset.of(image, 4096),
                FirmwareReply.Booted.of(image, FirmwareVersion.of(2, 0, 1)),
                FirmwareReply.Rejected.of(image, FirmwareReply.Reason.BAD_SIGNATURE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firmwareMessages")
    void firmwareMessages_roundTripThroughTheirJsonForm(Message m) {
        String json = MessageJson.write(m);
        ReadResult r = MessageJson.read(json);
        assertEquals(json, MessageJson.write(assertInstanceOf(ReadResult.Ok.class, r, r::toString).message()));
    }

    @Test
    void write_firmwareReply_namesTheOperationAndImage() {
        assertEquals("{\"type\":\"firmware_reply\",\"op\":\"next_offset\",\"image\":\"0123456789abcdef\","
                + "\"next_offset\":4096}", MessageJson.write(FirmwareReply.NextOffset.of(ImageId.of(0x0123456789ABCDEFL), 4096)));
    }

    @Test
    void read_unknownFirmwareOp_listsTheKnownOnes() {
        ReadResult r = MessageJson.read("{\"type\":\"firmware_reply\",\"op\":\"dance\"}");
        assertEquals(true, assertInstanceOf(ReadResult.Invalid.class, r).error().startsWith("op: \"dance\" is not one of next_offset"),
                r.toString());
    }

    @Test
    void write_status_isTheDocumentedForm() {
        assertEquals("{\"type\":\"status\",\"battery_mv\":3600,\"temperature_dc\":-45,\"firmware\":\"1.4.2\","
                + "\"uptime_s\":86400,\"reset_cause\":\"watchdog\",\"frames_sent\":12345,\"frames_dropped\":7}",
                MessageJson.write(Samples.status()));
    }

    @Test
    void write_sampleBatch_listsTriplets() {
        SampleBatch b = SampleBatch.of(0, 1000, AccelRange.G4, new short[] {1, -2, 512, 3, 4, 5});
        assertEquals("{\"type\":\"sample_batch\",\"first_sample_age_ms\":0,\"rate_chz\":1000,\"range_g\":4,"
                + "\"xyz\":[[1,-2,512],[3,4,5]]}", MessageJson.write(b));
    }

    @Test
    void readUplink_aHandWrittenStatusWithSpaces_isAccepted() {
        String json = " { \"type\" : \"status\", \"battery_mv\": 3600, \"temperature_dc\": 215, \"firmware\": \"2.0.1\","
                + " \"uptime_s\": 60, \"reset_cause\": \"power_on\", \"frames_sent\": 1, \"frames_dropped\": 0 }\n";
        assertInstanceOf(ReadResult.Ok.class, MessageJson.readUplink(json));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"status\",\"battery_mv\":3600}|temperature_dc: missing",
            "{\"type\":\"status\",\"battery_mv\":70000,\"temperature_dc\":0,\"firmware\":\"1.0.0\",\"uptime_s\":0,\"reset_cause\":\"pin\",\"frames_sent\":0,\"frames_dropped\":0}|battery_mv: 70000 out of 0..65535",
            "{\"type\":\"status\",\"battery_mv\":\"3600\"}|battery_mv: expected an integer 0..65535",
            "{\"type\":\"status\",\"battery_mv\":3600.5}|battery_mv: 3600.5 is not an integer 0..65535",
            "{\"type\":\"status\",\"battery_mv\":3600,\"temperature_dc\":0,\"firmware\":\"1.0.0\",\"uptime_s\":0,\"reset_cause\":\"bored\",\"frames_sent\":0,\"frames_dropped\":0}|reset_cause: \"bored\" is not one of power_on, brown_out, watchdog, software, firmware_update, pin, unknown",
            "{\"type\":\"status\",\"battery_mv\":3600,\"temperature_dc\":0,\"firmware\":\"1.0.0\",\"uptime_s\":0,\"reset_cause\":\"pin\",\"frames_sent\":0,\"frames_dropped\":0,\"colour\":1}|colour: unknown field; allowed: type, battery_mv, temperature_dc, firmware, uptime_s, reset_cause, frames_sent, frames_dropped",
            "{\"type\":\"moo\"}|type: \"moo\" is not one of sample_batch",
            "{\"type\":\"ack\",\"acked_counter\":1}|type: \"ack\" cannot be sent as JSON; allowed: activity_summary, event, sample_batch, status",
            "{\"type\":\"sample_batch\",\"first_sample_age_ms\":0,\"rate_chz\":1000,\"range_g\":3,\"xyz\":[]}|range_g: 3 is not one of 2, 4, 8, 16",
            "{\"type\":\"sample_batch\",\"first_sample_age_ms\":0,\"rate_chz\":1000,\"range_g\":4,\"xyz\":[[1,2]]}|xyz[0]: expected [x, y, z]",
            "{\"type\":\"sample_batch\",\"first_sample_age_ms\":0,\"rate_chz\":1000,\"range_g\":4,\"xyz\":[[1,2,3000]]}|xyz[0][2]: 3000 out of -2048..2047",
            "{\"type\":\"event\",\"kind\":\"impact\",\"age_ms\":0,\"peak_mg\":0,\"duration_ms\":0,\"kind\":\"impact\"}|not JSON: duplicate field \"kind\"",
            "{\"type\":\"event\"|not JSON: expected ',' or '}'",
            "[1,2]|expected a JSON object",
            "{\"type\":\"status\"} x|not JSON: unexpected text after the document",
    })
    void readUplink_badInput_namesTheFieldAndTheAllowedValues(String json, String expectedStart) {
        ReadResult r = MessageJson.readUplink(json);
        String error = assertInstanceOf(ReadResult.Invalid.class, r).error();
        assertEquals(true, error.startsWith(expectedStart), error);
    }

    @Test
    void parse_deepNesting_isRefusedWithoutStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertInstanceOf(JsonSyntaxException.class, org.junit.jupiter.api.Assertions.assertThrows(
                JsonSyntaxException.class, () -> JsonParser.parse(deep)));
    }

    @Test
    void parse_escapes_areDecoded() throws JsonSyntaxException {
        assertEquals("a\"b\\c\nd\u00e9", JsonParser.parse("\"a\\\"b\\\\c\\nd\\u00e9\""));
    }

    @Test
    void jsonOut_escapesControlCharactersAndQuotes() {
        assertEquals("{\"a\":\"x\\\"y\\u0001\"}", JsonOut.create().str("a", "x\"y\u0001").build());
    }

    @Test
    void read_firmwareReplyWithUnknownOp_namesTheAllowedOps() {
        ReadResult r = MessageJson.read("{\"type\":\"firmware_reply\",\"op\":\"flashed\",\"image\":\"0011223344556677\"}");
        String error = assertInstanceOf(ReadResult.Invalid.class, r).error();
        assertEquals("op: \"flashed\" is not one of next_offset, verified, booted, confirmed, reverted, aborted, rejected",
                error);
    }

    @Test
    void read_firmwareChunkWithOddHex_namesTheField() {
        ReadResult r = MessageJson.read("{\"type\":\"firmware_command\",\"op\":\"chunk\",\"image\":\"0011223344556677\","
                + "\"offset\":0,\"data\":\"abc\"}");
        assertEquals("data: expected an even number of hex digits",
                assertInstanceOf(ReadResult.Invalid.class, r).error());
    }
}
