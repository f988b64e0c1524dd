package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herdgate.protocol.Samples;
import io.herdgate.protocol.codec.FrameCodec;
import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.join.JoinFrames;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.serial.Enframer;
import io.herdgate.protocol.serial.RadioFrame;
import io.herdgate.protocol.serial.RadioUplink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DecodeCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String stdin = "";

    private int run(String... args) {
        CommandLine cl = HerdgateCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        DecodeCommand decode = cl.getSubcommands().get("decode").getCommand();
        decode.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return cl.execute(args);
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                nodes.add(MAPPER.readTree(line));
            }
        }
        return nodes;
    }

    private static String statusFrame(long counter) {
        return HEX.formatHex(FrameCodec.of(Samples.EUI, Samples.KEYS).encode(Samples.status(), counter, FrameOptions.PLAIN));
    }

    private Path keys(String content) throws IOException {
        return Files.writeString(dir.resolve("collars.csv"), content);
    }

    private static String keyLine() {
        return Samples.EUI + "," + Samples.MIC_KEY.toHex() + "," + Samples.PAYLOAD_KEY.toHex() + "," + Samples.ROOT_KEY.toHex();
    }

    @Test
    void decode_frameAsArgumentWithoutKeys_printsTheMessageWithMicUnchecked() throws IOException {
        assertEquals(0, run("decode", statusFrame(42)));
        JsonNode n = lines().get(0);
        assertEquals(1, n.path("line").asInt());
        assertEquals("status", n.path("type").asText());
        assertEquals(Samples.EUI.toString(), n.path("eui").asText());
        assertEquals(42, n.path("counter").asLong());
        assertEquals("unchecked", n.path("mic").asText());
        assertEquals(3600, n.path("message").path("battery_mv").asInt());
    }

    @Test
    void decode_withKeys_checksTheMicAndTellsDuplicatesAndReplays() throws IOException {
        Path k = keys("# herd 1\neui,key,payload_key,root_key\n" + keyLine() + "\n");
        assertEquals(0, run("decode", "--keys", k.toString(), statusFrame(5), statusFrame(5), statusFrame(6), statusFrame(5)));
        List<JsonNode> n = lines();
        assertEquals("ok", n.get(0).path("mic").asText());
        assertEquals("fresh", n.get(0).path("freshness").asText());
        assertEquals("duplicate", n.get(1).path("freshness").asText());
        assertEquals("fresh", n.get(2).path("freshness").asText());
        assertEquals("replayed", n.get(3).path("error").asText());
        assertEquals(4, n.get(3).path("line").asInt());
        assertFalse(out.toString().contains(Samples.MIC_KEY.toHex()), "a key was printed");
    }

    @Test
    void decode_stdinWithCommentsBlanksAndABadFrame_reportsItAndGoesOn() throws IOException {
        String truncated = statusFrame(1).substring(0, 20);
        stdin = "# capture of 21 Nov\n\n" + statusFrame(1) + "\n" + truncated + "\nzz\n  " + statusFrame(2) + "  \n";
        assertEquals(0, run("decode"));
        List<JsonNode> n = lines();
        assertEquals(4, n.size());
        assertEquals(3, n.get(0).path("line").asInt());
        assertEquals("truncated", n.get(1).path("error").asText());
        assertEquals(4, n.get(1).path("line").asInt());
        assertEquals("bad_hex", n.get(2).path("error").asText());
        assertEquals(6, n.get(3).path("line").asInt());
        assertEquals(2, n.get(3).path("counter").asLong());
    }

    @Test
    void decode_wrongKey_isBadMic() throws IOException {
        Path k = keys(Samples.EUI + "," + "00112233445566778899aabbccddeeff\n");
        run("decode", "--keys", k.toString(), statusFrame(1));
        assertEquals("bad_mic", lines().get(0).path("error").asText());
    }

    @Test
    void decode_encryptedFrameWithoutPayloadKey_saysSo() throws IOException {
        Path k = keys(Samples.EUI + "," + Samples.MIC_KEY.toHex() + "\n");
        String frame = HEX.formatHex(FrameCodec.of(Samples.EUI, Samples.KEYS).encode(Samples.status(), 1,
                FrameOptions.of(true, false, false)));
        run("decode", "--keys", k.toString(), frame);
        assertEquals("no_payload_key", lines().get(0).path("error").asText());
    }

    @Test
    void decode_joinAcceptWithRootKey_opensIt() throws IOException {
        JoinAccept accept = JoinAccept.of(0xE5063A, 0x13, 1_790_000_000L, CollarConfig.defaults());
        String frame = HEX.formatHex(JoinFrames.accept(Samples.EUI, Samples.ROOT_KEY, 7, accept));
        run("decode", "--keys", keys(keyLine()).toString(), frame);
        JsonNode n = lines().get(0);
        assertEquals("join_accept", n.path("type").asText());
        assertEquals("ok", n.path("mic").asText());
        assertEquals(0xE5063A, n.path("message").path("gateway_nonce").asInt());
    }

    @Test
    void decode_serialFramedUplink_isDetectedAndCarriesTheRadioFields() throws IOException {
        byte[] frame = FrameCodec.of(Samples.EUI, Samples.KEYS).encode(Samples.status(), 9, FrameOptions.PLAIN);
        byte[] serial = Enframer.create().enframe(RadioUplink.of(3, -97, -22, 123_456, RadioFrame.of(frame)));
        assertEquals(0, run("decode", HEX.formatHex(serial)));
        JsonNode n = lines().get(0);
        assertEquals("radio_uplink", n.path("record").asText());
        assertEquals(-97, n.path("rssi_dbm").asInt());
        assertEquals(-5.5, n.path("snr_db").asDouble());
        assertEquals(9, n.path("counter").asLong());
        assertEquals("status", n.path("message").path("type").asText());
    }

    @Test
    void decode_serialWithACorruptedByte_isBadCrc() throws IOException {
        byte[] frame = FrameCodec.of(Samples.EUI, Samples.KEYS).encode(Samples.status(), 9, FrameOptions.PLAIN);
        byte[] serial = Enframer.create().enframe(RadioUplink.of(3, -97, -22, 123_456, RadioFrame.of(frame)));
        serial[serial.length - 8] ^= 0x40;
        if (serial[serial.length - 8] == 0) {
            serial[serial.length - 8] = 1;
        }
        run("decode", "--framing", "serial", HEX.formatHex(serial));
        assertEquals("bad_crc", lines().get(0).path("error").asText());
    }

    @Test
    void decode_rawForcedOnASerialLine_isRejectedAsAFrame() throws IOException {
        byte[] frame = FrameCodec.of(Samples.EUI, Samples.KEYS).encode(Samples.status(), 9, FrameOptions.PLAIN);
        byte[] serial = Enframer.create().enframe(RadioUplink.of(3, -97, -22, 123_456, RadioFrame.of(frame)));
        run("decode", "--framing", "raw", HEX.formatHex(serial));
        assertTrue(lines().get(0).has("error"));
    }

    @Test
    void decode_badKeyFileLine_isAUsageErrorNamingFileLineAndField() throws IOException {
        Path k = keys(keyLine() + "\n" + "70B3D57ED0009999,not-a-key-at-all\n");
        assertEquals(2, run("decode", "--keys", k.toString(), statusFrame(1)));
        String e = err.toString();
        assertTrue(e.contains(k + ":2: field key: 32 hex digits expected"), e);
        assertFalse(e.contains("not-a-key-at-all"), "the mistyped key was echoed");
        assertEquals("", out.toString());
    }

    @Test
    void decode_duplicateCollarInKeyFile_namesBothLines() throws IOException {
        Path k = keys(keyLine() + "\n" + keyLine() + "\n");
        assertEquals(2, run("decode", "--keys", k.toString()));
        assertTrue(err.toString().contains(":2: field eui: collar " + Samples.EUI + " already listed on line 1"), err.toString());
    }

    @Test
    void decode_unknownFraming_isAUsageError() {
        assertEquals(2, run("decode", "--framing", "carrier-pigeon", "00"));
        assertTrue(err.toString().contains("auto, raw, serial") || err.toString().contains("AUTO, RAW, SERIAL"), err.toString());
    }

    @Test
    void looksSerial_onlyForCobsShapedBytes() {
        assertTrue(DecodeCommand.looksSerial(new byte[] {3, 1, 2, 0}));
        assertFalse(DecodeCommand.looksSerial(new byte[] {3, 0, 2, 0}));
        assertFalse(DecodeCommand.looksSerial(new byte[] {3, 1, 2}));
    }
}
