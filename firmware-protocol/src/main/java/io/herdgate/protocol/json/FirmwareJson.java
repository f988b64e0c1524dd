package io.herdgate.protocol.json;

import io.herdgate.protocol.json.MessageJson.Fields;
import io.herdgate.protocol.json.MessageJson.InvalidField;

import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.ImageId;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The JSON form of firmware-update commands and replies: the message's {@code "type"}, an {@code "op"}
 * naming the record in snake_case ({@code begin}, {@code chunk}, {@code next_offset}, ...), the image id
 * as 16 hex digits, and the record's fields (byte strings as lower-case hex).
 */
final class FirmwareJson {

    private static final HexFormat HEX = HexFormat.of();

    private FirmwareJson() {
    }

    // Java 17 has no pattern switch; each record with fields is named once, the others carry only the image.
    static void write(FirmwareCommand c, JsonOut o) {
        o.str("op", op(c)).str("image", c.image().toString());
        if (c instanceof FirmwareCommand.Begin b) {
            o.num("size", b.sizeBytes()).str("sha256", HEX.formatHex(b.sha256()))
                    .str("version", b.version().toString()).num("hardware", b.hardware())
                    .str("signature", HEX.formatHex(b.signature()));
        } else if (c instanceof FirmwareCommand.Chunk ch) {
            o.num("offset", ch.offset()).str("data", HEX.formatHex(ch.data()));
        }
    }

    static void write(FirmwareReply r, JsonOut o) {
        o.str("op", op(r)).str("image", r.image().toString());
        if (r instanceof FirmwareReply.NextOffset n) {
            o.num("next_offset", n.nextOffset());
        } else if (r instanceof FirmwareReply.Booted b) {
            o.str("running", b.running().toString());
        } else if (r instanceof FirmwareReply.Confirmed c) {
            o.str("running", c.running().toString());
        } else if (r instanceof FirmwareReply.Reverted v) {
            o.str("running", v.running().toString());
        } else if (r instanceof FirmwareReply.Rejected j) {
            o.str("reason", j.reason().name().toLowerCase(Locale.ROOT));
        }
    }

    /** Reads a command from fields already known to be of type {@code firmware_command}. */
    static FirmwareCommand command(Fields f) throws InvalidField {
        String op = f.text("op");
        if (op.equals("begin")) {
            // Begin names its image by the hash it carries; an "image" field, if given, must agree.
            FirmwareCommand.Begin b = FirmwareCommand.Begin.of(f.integer("size", 1, 0xFFFF_FFFFL),
                    f.hex("sha256", FirmwareCommand.Begin.SHA256_BYTES), f.version("version"),
                    (int) f.integer("hardware", 0, 0xFFFF),
                    f.hex("signature", FirmwareCommand.Begin.SIGNATURE_BYTES));
            if (f.has("image") && !image(f).equals(b.image())) {
                throw new InvalidField(f.path() + "image: does not match the first 8 bytes of sha256");
            }
            return b;
        }
        ImageId image = image(f);
        return switch (op) {
            case "chunk" -> FirmwareCommand.Chunk.of(image, f.integer("offset", 0, 0xFFFF_FFFFL),
                    f.hex("data", -1));
            case "verify" -> FirmwareCommand.Verify.of(image);
            case "test_boot" -> FirmwareCommand.TestBoot.of(image);
            case "confirm" -> FirmwareCommand.Confirm.of(image);
            case "abort" -> FirmwareCommand.Abort.of(image);
            case "status_query" -> FirmwareCommand.StatusQuery.of(image);
            default -> throw new InvalidField(f.path() + "op: \"" + op + "\" is not one of begin, chunk, verify, "
                    + "test_boot, confirm, abort, status_query");
        };
    }

    /** Reads a reply from fields already known to be of type {@code firmware_reply}. */
    static FirmwareReply reply(Fields f) throws InvalidField {
        String op = f.text("op");
        ImageId image = image(f);
        return switch (op) {
            case "next_offset" -> FirmwareReply.NextOffset.of(image, f.integer("next_offset", 0, 0xFFFF_FFFFL));
            case "verified" -> FirmwareReply.Verified.of(image);
            case "booted" -> FirmwareReply.Booted.of(image, f.version("running"));
            case "confirmed" -> FirmwareReply.Confirmed.of(image, f.version("running"));
            case "reverted" -> FirmwareReply.Reverted.of(image, f.version("running"));
            case "aborted" -> FirmwareReply.Aborted.of(image);
            case "rejected" -> FirmwareReply.Rejected.of(image, f.choice("reason", FirmwareReply.Reason.class));
            default -> throw new InvalidField(f.path() + "op: \"" + op + "\" is not one of next_offset, verified, "
                    + "booted, confirmed, reverted, aborted, rejected");
        };
    }

    private static ImageId image(Fields f) throws InvalidField {
        byte[] b = f.hex("image", ImageId.BYTES);
        long v = 0;
        for (byte x : b) {
            v = v << 8 | (x & 0xFF);
        }
        return ImageId.of(v);
    }

    private static String op(Object r) {
        return r.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

}
