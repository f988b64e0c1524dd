package io.herdgate.protocol.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herdgate.protocol.codec.FrameCodec;
import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.Freshness;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.frame.Rejected;
import io.herdgate.protocol.join.JoinFrames;
import io.herdgate.protocol.join.JoinServer;
import io.herdgate.protocol.json.MessageJson;
import io.herdgate.protocol.json.ReadResult;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.protocol.session.InMemoryCounterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every vector of {@code test-vectors.json}: decode must give its JSON, encode its bytes. */
class TestVectorsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    static JsonNode file() throws IOException {
        return MAPPER.readTree(Files.readString(Path.of("test-vectors.json")));
    }

    static Stream<Arguments> vectors() throws IOException {
        return StreamSupport.stream(file().path("vectors").spliterator(), false)
                .map(v -> Arguments.of(v.path("name").asText(), v));
    }

    /** The single-frame form is a sequence of one. */
    private static List<JsonNode> steps(JsonNode v) {
        List<JsonNode> steps = new ArrayList<>();
        if (v.has("sequence")) {
            v.path("sequence").forEach(steps::add);
        } else {
            steps.add(v);
        }
        return steps;
    }

    /**
     * The radio frame of a step: the hex itself for raw framing; for serial framing the frame inside the one
     * dongle record on the line, whose radio fields must match the step's {@code record}. Empty when the
     * serial link rejected the line for the reason the step expects.
     */
    private static Optional<byte[]> onAir(JsonNode vector, JsonNode step, String where) {
        byte[] bytes = HEX.parseHex(step.path("hex").asText());
        String framing = vector.path("framing").asText();
        return switch (framing) {
            case "raw" -> Optional.of(bytes);
            case "serial" -> SerialVectors.frame(bytes, step, where);
            default -> fail("framing \"" + framing + "\": teach this test to unwrap it");
        };
    }

    /** Receives the frames of one vector, keeping counter state across its sequence. */
    private static final class Receiver {
        private final Optional<AesKey> root;
        private final CollarSession gateway;
        private final CollarSession collar;
        private final JoinServer joinServer;

        Receiver(JsonNode vector) {
            CollarEui eui = CollarEui.parse(vector.path("eui").asText());
            JsonNode keys = vector.path("keys");
            root = keys.has("root") ? Optional.of(AesKey.ofHex(keys.path("root").asText())) : Optional.empty();
            SessionKeys session = keys.has("mic")
                    ? SessionKeys.of(AesKey.ofHex(keys.path("mic").asText()), AesKey.ofHex(keys.path("payload").asText()))
                    : SessionKeys.of(AesKey.ofHex("00000000000000000000000000000000"), AesKey.ofHex("00000000000000000000000000000000"));
            gateway = CollarSession.gatewaySide(eui, session, InMemoryCounterStore.create());
            collar = CollarSession.collarSide(eui, session, InMemoryCounterStore.create());
            joinServer = JoinServer.of(0, e -> root, InMemoryCounterStore.create(), Clock.systemUTC(), new SplittableRandom(1));
        }

        DecodeResult receive(byte[] b) {
            if (root.isPresent()) {
                boolean accept = b.length > 1 && (b[1] & 0xFF) == MessageType.JOIN_ACCEPT.code();
                return accept ? JoinFrames.decode(b, 0, b.length, root.get()) : joinServer.decodeRequest(b, 0, b.length);
            }
            boolean down = b.length > 2 && (b[2] & 1) == 1;
            return (down ? collar : gateway).decode(b, 0, b.length);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decode_givesTheExpectedOutcomeAndJson(String name, JsonNode vector) throws IOException {
        Receiver receiver = new Receiver(vector);
        int i = 0;
        for (JsonNode step : steps(vector)) {
            String where = name + " step " + i++;
            Optional<byte[]> frame = onAir(vector, step, where);
            if (frame.isEmpty()) {
                continue;
            }
            DecodeResult r = receiver.receive(frame.get());
            String expect = step.path("expect").asText();
            if (expect.equals("fresh") || expect.equals("duplicate")) {
                Decoded d = assertInstanceOf(Decoded.class, r, () -> where + ": " + r);
                Freshness f = d.freshness() == Freshness.UNCHECKED ? Freshness.FRESH : d.freshness();
                assertEquals(expect, f.name().toLowerCase(), where);
                assertEquals(step.path("counter").asLong(), d.header().counter(), where);
                assertEquals(step.path("message"), MAPPER.readTree(MessageJson.write(d.message())), where);
            } else {
                Rejected rej = assertInstanceOf(Rejected.class, r, () -> where + ": " + r);
                assertEquals(expect, rej.reason().wireName(), where + ": " + rej.detail());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encode_fromTheJson_reproducesTheBytes(String name, JsonNode vector) {
        for (JsonNode step : steps(vector)) {
            if (!step.path("expect").asText().equals("fresh")) {
                continue;
            }
            ReadResult read = MessageJson.read(step.path("message").toString());
            Message m = assertInstanceOf(ReadResult.Ok.class, read, () -> name + ": " + read).message();
            CollarEui eui = CollarEui.parse(vector.path("eui").asText());
            JsonNode keys = vector.path("keys");
            long counter = step.path("counter").asLong();
            byte[] encoded;
            if (m instanceof JoinRequest j) {
                encoded = JoinFrames.request(eui, AesKey.ofHex(keys.path("root").asText()), j);
            } else if (m instanceof JoinAccept a) {
                encoded = JoinFrames.accept(eui, AesKey.ofHex(keys.path("root").asText()), (int) counter, a);
            } else {
                JsonNode o = step.path("options");
                encoded = FrameCodec.of(eui, SessionKeys.of(AesKey.ofHex(keys.path("mic").asText()),
                                AesKey.ofHex(keys.path("payload").asText())))
                        .encode(m, counter, FrameOptions.of(o.path("encrypted").asBoolean(),
                                o.path("ack_requested").asBoolean(), o.path("short_counter").asBoolean()));
            }
            if (vector.path("framing").asText().equals("serial")) {
                encoded = SerialVectors.line(step.path("record"), encoded);
            }
            assertArrayEquals(HEX.parseHex(step.path("hex").asText()), encoded, name);
        }
    }

    @Test
    void generatedVectors_matchTheCommittedFile() throws IOException {
        JsonNode file = file();
        for (Map.Entry<String, String> g : VectorGenerator.generated().entrySet()) {
            JsonNode committed = StreamSupport.stream(file.path("vectors").spliterator(), false)
                    .filter(v -> v.path("name").asText().equals(g.getKey())).findFirst()
                    .orElseGet(() -> fail("vector " + g.getKey() + " missing: run the generator (see PROTOCOL.md)"));
            assertEquals(MAPPER.readTree(g.getValue()), committed, g.getKey() + " differs: run the generator");
        }
    }

    @Test
    void vectors_coverEveryMessageTypeOfTheCodec_andTheRequiredRejections() throws IOException {
        Set<String> types = new java.util.HashSet<>();
        Set<String> outcomes = new java.util.HashSet<>();
        for (JsonNode v : file().path("vectors")) {
            for (JsonNode s : steps(v)) {
                outcomes.add(s.path("expect").asText());
                if (s.has("message")) {
                    types.add(s.path("message").path("type").asText());
                }
            }
        }
        for (MessageType t : MessageType.values()) {
            assertTrue(types.contains(MessageJson.typeName(t)), "no vector of " + t);
        }
        for (RejectReason r : List.of(RejectReason.BAD_MIC, RejectReason.TRUNCATED, RejectReason.OVERSIZE,
                RejectReason.UNKNOWN_VERSION, RejectReason.UNKNOWN_TYPE, RejectReason.REPLAYED)) {
            assertTrue(outcomes.contains(r.wireName()), "no vector rejected as " + r.wireName());
        }
        assertTrue(outcomes.contains("duplicate"), "no duplicate vector");
    }
}
