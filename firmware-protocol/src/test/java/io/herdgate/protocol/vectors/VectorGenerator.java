package io.herdgate.protocol.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herdgate.protocol.Samples;
import io.herdgate.protocol.codec.FrameCodec;
import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.crypto.FrameMic;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.firmware.ImageSigner;
import io.herdgate.protocol.firmware.SignedImage;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.LittleEndian;
import io.herdgate.protocol.join.JoinFrames;
import io.herdgate.protocol.json.JsonOut;
import io.herdgate.protocol.json.MessageJson;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.Ack;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.CollarEvent;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.ImageId;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.message.TimeSync;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code firmware-protocol/test-vectors.json} from fixed keys, nonces and messages, so the file
 * is the same on every run (a test checks that). Run from the repository root:
 * <pre>
 * mvn -B -q -o -pl firmware-protocol test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.herdgate.protocol.vectors.VectorGenerator -Dexec.args=firmware-protocol/test-vectors.json
 * </pre>
 * Vectors added by hand (serial framing, firmware update) live in the same file after the generated ones;
 * the generator keeps every vector whose name it does not generate itself.
 */
public final class VectorGenerator {

    private static final HexFormat HEX = HexFormat.of();
    private static final SessionKeys KEYS = Samples.KEYS;

    private record Step(byte[] frame, String expect, long counter, FrameOptions options, Optional<Message> message,
                        String note) {
    }

    private record Vector(String name, String description, boolean join, List<Step> steps) {
    }

    private VectorGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: VectorGenerator <output test-vectors.json>");
        }
        Path file = Path.of(args[0]);
        Files.writeString(file, merge(Files.exists(file) ? Files.readString(file) : "", generated()),
                StandardCharsets.UTF_8);
    }

    /** The generated vectors, name to compact JSON object, in file order. */
    public static Map<String, String> generated() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Vector v : vectors()) {
            out.put(v.name(), render(v));
        }
        return out;
    }

    /**
     * The file: the generated vectors first, then every vector of {@code existing} with another name (added
     * by hand for other framings or message types), one vector per line.
     */
    static String merge(String existing, Map<String, String> generated) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        generated.values().forEach(json -> lines.add("    " + json));
        if (!existing.isBlank()) {
            for (JsonNode v : mapper.readTree(existing).path("vectors")) {
                if (!generated.containsKey(v.path("name").asText())) {
                    lines.add("    " + mapper.writeValueAsString(v));
                }
            }
        }
        return "{\n"
                + "  \"format\": \"herdgate-test-vectors/1\",\n"
                + "  \"about\": \"Frames of the herdgate collar protocol with their decoded JSON form. See PROTOCOL.md, section Test vectors.\",\n"
                + "  \"generator\": \"firmware-protocol/src/test/java/io/herdgate/protocol/vectors/VectorGenerator.java\",\n"
                + "  \"vectors\": [\n"
                + String.join(",\n", lines) + "\n"
                + "  ]\n"
                + "}\n";
    }

    private static List<Vector> vectors() {
        FrameCodec codec = FrameCodec.of(Samples.EUI, KEYS);
        List<Vector> v = new ArrayList<>();
        FrameOptions encrypted = FrameOptions.of(true, false, false);

        v.add(good("sample_batch_delta", "40 samples swinging evenly by 6-7 counts: delta coding is smallest",
                codec, Samples.evenSwingBatch(40), 1, FrameOptions.PLAIN));
        v.add(good("sample_batch_rice", "40 samples of a resting cow at 10 Hz: rice coding is smallest",
                codec, Samples.restingBatch(40), 1, FrameOptions.PLAIN));
        v.add(good("sample_batch_packed12", "8 full-scale samples: packed 12-bit coding is smaller",
                codec, Samples.extremeBatch(8), 2, FrameOptions.PLAIN));
        v.add(good("sample_batch_encrypted_short_counter_ack",
                "encrypted payload, ack requested, 16-bit counter on air (session has no history: high bits 0)",
                codec, walkingBatch(), 3, FrameOptions.of(true, true, true)));
        v.add(good("activity_summary", "two 10-minute intervals", codec, Samples.everyType().get(1), 4, FrameOptions.PLAIN));
        v.add(good("status", "collar health", codec, Samples.status(), 5, FrameOptions.PLAIN));
        v.add(good("event", "free fall event", codec, CollarEvent.of(CollarEvent.Kind.FREE_FALL, 2500, 180, 420), 6,
                FrameOptions.PLAIN));
        v.add(good("config", "configuration downlink, encrypted", codec, CollarConfig.of(2500, AccelRange.G8, 20, 600,
                4000, 250, 7200, 1800), 0, encrypted));
        v.add(good("time_sync", "clock downlink", codec, TimeSync.of(1_790_000_000_123L), 1, FrameOptions.PLAIN));
        v.add(good("ack", "acknowledges uplink 3", codec, Ack.of(3), 2, FrameOptions.PLAIN));

        ImageId image = ImageId.of(0x0123456789ABCDEFL);
        v.add(good("firmware_reply", "firmware update: the collar wants offset 4096 of image 0123456789abcdef",
                codec, FirmwareReply.NextOffset.of(image, 4096), 7, FrameOptions.PLAIN));
        v.add(good("firmware_command", "firmware update: verify image 0123456789abcdef, encrypted",
                codec, FirmwareCommand.Verify.of(image), 3, encrypted));

        JoinRequest request = JoinRequest.of(0x0102, FirmwareVersion.of(1, 0, 0));
        v.add(new Vector("join_request", "join request under the root key; counter field = collar nonce", true,
                List.of(new Step(JoinFrames.request(Samples.EUI, Samples.ROOT_KEY, request), "fresh",
                        request.collarNonce(), FrameOptions.PLAIN, Optional.of(request), ""))));
        JoinAccept accept = JoinAccept.of(0xE5063A, 0x000013, 1_790_000_000L, CollarConfig.defaults());
        v.add(new Vector("join_accept", "join accept answering collar nonce 0x0102, sealed with AES-decrypt under the root key",
                true, List.of(new Step(JoinFrames.accept(Samples.EUI, Samples.ROOT_KEY, request.collarNonce(), accept),
                "fresh", request.collarNonce(), encrypted, Optional.of(accept), ""))));

        v.addAll(firmwareVectors(codec));

        byte[] status = codec.encode(Samples.status(), 5, FrameOptions.PLAIN);
        v.add(bad("bad_mic", "status frame with the last MIC byte flipped",
                tweak(status, b -> b[b.length - 1] ^= 0x01), "bad_mic"));
        v.add(bad("truncated", "status frame missing its last 3 bytes", Arrays.copyOf(status, status.length - 3),
                "truncated"));
        v.add(bad("trailing_bytes", "status frame with one extra byte", Arrays.copyOf(status, status.length + 1),
                "trailing_bytes"));
        v.add(bad("oversize", "payload length field 235, one over the maximum",
                tweak(status, b -> LittleEndian.put(b, FrameLayout.OFFSET_LENGTH, 2, FrameLayout.MAX_PAYLOAD + 1)),
                "oversize"));
        v.add(bad("unknown_version", "version byte 0x20: major 2", tweak(status, b -> b[0] = 0x20), "unknown_version"));
        v.add(bad("unknown_type", "type byte 0x3F is not assigned", tweak(status, b -> b[1] = 0x3F), "unknown_type"));
        v.add(bad("bad_header", "reserved flag bit 4 set", tweak(status, b -> b[2] |= 0x10), "bad_header"));
        v.add(bad("bad_payload", "event kind 9 with a valid MIC", withMic(tweak(
                codec.encode(CollarEvent.of(CollarEvent.Kind.IMPACT, 0, 0, 0), 6, FrameOptions.PLAIN),
                b -> b[FrameLayout.HEADER_SIZE] = 9), 6), "bad_payload"));

        byte[] c5 = codec.encode(Samples.status(), 5, FrameOptions.PLAIN);
        byte[] c6 = codec.encode(Samples.status(), 6, FrameOptions.PLAIN);
        v.add(new Vector("sequence_replayed", "counters 5, 6, then 5 again: the old frame is replayed", false, List.of(
                step(c5, "fresh", 5, FrameOptions.PLAIN, Samples.status()),
                step(c6, "fresh", 6, FrameOptions.PLAIN, Samples.status()),
                step(c5, "replayed", 5, FrameOptions.PLAIN, null))));
        v.add(new Vector("sequence_duplicate", "the same frame twice: the repeat is a duplicate, not an error", false,
                List.of(step(c5, "fresh", 5, FrameOptions.PLAIN, Samples.status()),
                        step(c5, "duplicate", 5, FrameOptions.PLAIN, Samples.status()))));
        FrameOptions shortForm = FrameOptions.of(false, false, true);
        v.add(new Vector("sequence_short_counter_wrap",
                "counter 65535 in 32 bits, then 65536 and 65537 with 16 bits on air (0000, 0001)", false, List.of(
                step(codec.encode(Samples.status(), 0xFFFF, FrameOptions.PLAIN), "fresh", 0xFFFF, FrameOptions.PLAIN, Samples.status()),
                step(codec.encode(Samples.status(), 0x1_0000, shortForm), "fresh", 0x1_0000, shortForm, Samples.status()),
                step(codec.encode(Samples.status(), 0x1_0001, shortForm), "fresh", 0x1_0001, shortForm, Samples.status()))));
        return v;
    }

    /**
     * One vector per firmware command and reply, about a 1024-byte image signed with a fixed test vendor key
     * (Ed25519 seed 00 01 .. 1f, RFC 8032 signatures are deterministic), so other implementations can check
     * the signature too.
     */
    private static List<Vector> firmwareVectors(FrameCodec codec) {
        byte[] bytes = new byte[1024];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (31 * i + 7);
        }
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) i;
        }
        byte[] pkcs8 = HEX.parseHex("302e020100300506032b657004220420" + HEX.formatHex(seed));
        SignedImage image = ImageSigner.ofPkcs8(pkcs8).sign(bytes, FirmwareVersion.of(1, 1, 0), 3);
        ImageId id = image.image();
        FirmwareVersion old = FirmwareVersion.of(1, 0, 0);
        FrameOptions encrypted = FrameOptions.of(true, false, false);
        return List.of(
                good("firmware_begin", "begin: 1024-byte image 1.1.0 for hardware 3, signed by the test vendor key",
                        codec, image.begin(), 10, FrameOptions.PLAIN),
                good("firmware_chunk", "chunk: image bytes 192..383, encrypted", codec, image.chunk(192, 192), 11, encrypted),
                good("firmware_verify", "verify", codec, FirmwareCommand.Verify.of(id), 12, FrameOptions.PLAIN),
                good("firmware_test_boot", "test boot", codec, FirmwareCommand.TestBoot.of(id), 13, FrameOptions.PLAIN),
                good("firmware_confirm", "confirm", codec, FirmwareCommand.Confirm.of(id), 14, FrameOptions.PLAIN),
                good("firmware_abort", "abort", codec, FirmwareCommand.Abort.of(id), 15, FrameOptions.PLAIN),
                good("firmware_status_query", "status query", codec, FirmwareCommand.StatusQuery.of(id), 16,
                        FrameOptions.PLAIN),
                good("firmware_next_offset", "the collar holds 384 bytes", codec, FirmwareReply.NextOffset.of(id, 384),
                        20, FrameOptions.PLAIN),
                good("firmware_verified", "hash and signature good", codec, FirmwareReply.Verified.of(id), 21,
                        FrameOptions.PLAIN),
                good("firmware_booted", "running 1.1.0 on trial", codec, FirmwareReply.Booted.of(id, image.manifest()
                        .version()), 22, FrameOptions.PLAIN),
                good("firmware_confirmed", "1.1.0 is permanent", codec, FirmwareReply.Confirmed.of(id, image.manifest()
                        .version()), 23, FrameOptions.PLAIN),
                good("firmware_reverted", "reset during the trial: back on 1.0.0", codec,
                        FirmwareReply.Reverted.of(id, old), 24, FrameOptions.PLAIN),
                good("firmware_aborted", "staged image dropped", codec, FirmwareReply.Aborted.of(id), 25,
                        FrameOptions.PLAIN),
                good("firmware_rejected", "the bytes do not hash to the signed SHA-256", codec,
                        FirmwareReply.Rejected.of(id, FirmwareReply.Reason.HASH_MISMATCH), 26, FrameOptions.PLAIN));
    }

    private static SampleBatch walkingBatch() {
        short[] xyz = new short[3 * 20];
        for (int i = 0; i < 20; i++) {
            double phase = 2 * Math.PI * i / 10.0;
            xyz[3 * i] = (short) Math.round(80 * Math.sin(phase));
            xyz[3 * i + 1] = (short) Math.round(-300 + 60 * Math.cos(2 * phase));
            xyz[3 * i + 2] = (short) Math.round(400 + 120 * Math.sin(phase + 0.5));
        }
        return SampleBatch.of(0, 1000, AccelRange.G4, xyz);
    }

    private static Vector good(String name, String description, FrameCodec codec, Message m, long counter,
                               FrameOptions options) {
        return new Vector(name, description, false, List.of(step(codec.encode(m, counter, options), "fresh", counter,
                options, m)));
    }

    private static Vector bad(String name, String description, byte[] frame, String reason) {
        return new Vector(name, description, false, List.of(new Step(frame, reason, -1, FrameOptions.PLAIN,
                Optional.empty(), "")));
    }

    private static Step step(byte[] frame, String expect, long counter, FrameOptions options, Message m) {
        return new Step(frame, expect, counter, options, Optional.ofNullable(m), "");
    }

    private interface Edit {
        void apply(byte[] b);
    }

    private static byte[] tweak(byte[] frame, Edit edit) {
        byte[] b = frame.clone();
        edit.apply(b);
        return b;
    }

    private static byte[] withMic(byte[] frame, long counter) {
        int micLength = frame.length - FrameLayout.MIC_SIZE;
        LittleEndian.put(frame, micLength, 4, FrameMic.of(KEYS.micKey()).compute(frame[2] & 1,
                Samples.EUI.value(), counter, frame, 0, micLength));
        return frame;
    }

    private static String render(Vector v) {
        JsonOut o = JsonOut.create().str("name", v.name()).str("description", v.description()).str("framing", "raw")
                .str("eui", Samples.EUI.toString());
        o.raw("keys", v.join()
                ? JsonOut.create().str("root", Samples.ROOT_KEY.toHex()).build()
                : JsonOut.create().str("mic", KEYS.micKey().toHex()).str("payload", KEYS.payloadKey().toHex()).build());
        if (v.steps().size() == 1) {
            renderStep(v.steps().get(0), o);
            return o.build();
        }
        List<String> steps = new ArrayList<>();
        for (Step s : v.steps()) {
            steps.add(renderStep(s, JsonOut.create()).build());
        }
        return o.raw("sequence", "[" + String.join(",", steps) + "]").build();
    }

    private static JsonOut renderStep(Step s, JsonOut o) {
        o.str("hex", HEX.formatHex(s.frame())).str("expect", s.expect());
        if (s.message().isPresent()) {
            o.num("counter", s.counter())
                    .raw("options", JsonOut.create().bool("encrypted", s.options().encrypted())
                            .bool("ack_requested", s.options().ackRequested())
                            .bool("short_counter", s.options().shortCounter()).build())
                    .raw("message", MessageJson.write(s.message().get()));
        }
        return o;
    }
}
