package io.herdgate.protocol.firmware;

import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareCommand.Abort;
import io.herdgate.protocol.message.FirmwareCommand.Begin;
import io.herdgate.protocol.message.FirmwareCommand.Chunk;
import io.herdgate.protocol.message.FirmwareCommand.Confirm;
import io.herdgate.protocol.message.FirmwareCommand.StatusQuery;
import io.herdgate.protocol.message.FirmwareCommand.TestBoot;
import io.herdgate.protocol.message.FirmwareCommand.Verify;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareReply.Aborted;
import io.herdgate.protocol.message.FirmwareReply.Booted;
import io.herdgate.protocol.message.FirmwareReply.Confirmed;
import io.herdgate.protocol.message.FirmwareReply.NextOffset;
import io.herdgate.protocol.message.FirmwareReply.Rejected;
import io.herdgate.protocol.message.FirmwareReply.Reverted;
import io.herdgate.protocol.message.FirmwareReply.Verified;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.ImageId;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.payload.PayloadResult;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The payload codec of the {@code FIRMWARE_COMMAND} (0x44) and {@code FIRMWARE_REPLY} (0x06) messages:
 * the bytes after the frame header, before the MIC. The first byte is the operation code; multi-byte
 * integers are little-endian; an {@link ImageId} is its 8 hash bytes in hash order. Layouts are tabled in
 * {@code firmware-protocol/spec/firmware-update.md}. As for every message type, a payload longer than its
 * operation needs is accepted and the extra bytes are skipped (a newer minor version appends fields),
 * except CHUNK, whose data runs to the end. Decoding never throws on bad bytes.
 */
public final class FirmwarePayloads {

    /** Command operation codes. */
    static final int BEGIN = 0x01, CHUNK = 0x02, VERIFY = 0x03, TEST_BOOT = 0x04, CONFIRM = 0x05, ABORT = 0x06,
            STATUS_QUERY = 0x07;
    /** Reply operation codes. */
    static final int NEXT_OFFSET = 0x01, VERIFIED = 0x02, BOOTED = 0x03, CONFIRMED = 0x04, REVERTED = 0x05,
            ABORTED = 0x06, REJECTED = 0x07;

    /** Bytes of a BEGIN payload. */
    public static final int BEGIN_BYTES = 1 + 4 + 32 + 3 + 2 + 64;
    /** Bytes of a CHUNK payload before the data. */
    public static final int CHUNK_HEADER_BYTES = 1 + ImageId.BYTES + 4;
    /** Largest payload of either message (a full chunk). */
    public static final int MAX_PAYLOAD_BYTES = CHUNK_HEADER_BYTES + Chunk.MAX_DATA_BYTES;

    private static final int ID_ONLY_BYTES = 1 + ImageId.BYTES;

    private FirmwarePayloads() {
    }

    /** The payload of a firmware command. */
    public static byte[] encode(FirmwareCommand command) {
        // Java 17 has no pattern switch; the sealed hierarchy keeps this chain complete.
        if (command instanceof Begin b) {
            return buffer(BEGIN_BYTES, BEGIN)
                    .putInt((int) b.sizeBytes()).put(b.sha256()).put(version(b.version()))
                    .putShort((short) b.hardware()).put(b.signature()).array();
        }
        if (command instanceof Chunk c) {
            byte[] data = c.data();
            return withId(CHUNK_HEADER_BYTES + data.length, CHUNK, c.image()).putInt((int) c.offset()).put(data).array();
        }
        return withId(ID_ONLY_BYTES, commandOp(command), command.image()).array();
    }

    /** The payload of a firmware reply. */
    public static byte[] encode(FirmwareReply reply) {
        if (reply instanceof NextOffset n) {
            return withId(ID_ONLY_BYTES + 4, NEXT_OFFSET, n.image()).putInt((int) n.nextOffset()).array();
        }
        if (reply instanceof Booted b) {
            return withId(ID_ONLY_BYTES + 3, BOOTED, b.image()).put(version(b.running())).array();
        }
        if (reply instanceof Confirmed c) {
            return withId(ID_ONLY_BYTES + 3, CONFIRMED, c.image()).put(version(c.running())).array();
        }
        if (reply instanceof Reverted r) {
            return withId(ID_ONLY_BYTES + 3, REVERTED, r.image()).put(version(r.running())).array();
        }
        if (reply instanceof Rejected r) {
            return withId(ID_ONLY_BYTES + 1, REJECTED, r.image()).put((byte) r.reason().code()).array();
        }
        return withId(ID_ONLY_BYTES, reply instanceof Verified ? VERIFIED : ABORTED, reply.image()).array();
    }

    /** Decodes a firmware command payload. */
    public static PayloadResult decodeCommand(byte[] payload) {
        return decodeCommand(payload, 0, payload.length);
    }

    /** Decodes the firmware command payload {@code b[off, off+len)}. */
    public static PayloadResult decodeCommand(byte[] b, int off, int len) {
        if (len == 0) {
            return malformed("FIRMWARE_COMMAND: empty payload, expected an operation byte 0x01..0x07");
        }
        ByteBuffer in = ByteBuffer.wrap(b, off, len).slice().order(ByteOrder.LITTLE_ENDIAN);
        int op = in.get() & 0xFF;
        switch (op) {
            case BEGIN: {
                if (len < BEGIN_BYTES) {
                    return tooShort("BEGIN", len, BEGIN_BYTES);
                }
                long size = Integer.toUnsignedLong(in.getInt());
                byte[] sha = bytes(in, Begin.SHA256_BYTES);
                FirmwareVersion version = version(in);
                int hardware = in.getShort() & 0xFFFF;
                byte[] signature = bytes(in, Begin.SIGNATURE_BYTES);
                if (size == 0) {
                    return malformed("FIRMWARE_COMMAND BEGIN: image size 0, allowed 1..2^32-1");
                }
                return ok(Begin.of(size, sha, version, hardware, signature));
            }
            case CHUNK: {
                int dataLength = len - CHUNK_HEADER_BYTES;
                if (dataLength < 1 || dataLength > Chunk.MAX_DATA_BYTES) {
                    return malformed("FIRMWARE_COMMAND CHUNK: " + len + " bytes, allowed " + (CHUNK_HEADER_BYTES + 1)
                            + ".." + MAX_PAYLOAD_BYTES + " (1.." + Chunk.MAX_DATA_BYTES + " data bytes)");
                }
                ImageId image = imageId(in);
                long offset = Integer.toUnsignedLong(in.getInt());
                return ok(Chunk.of(image, offset, bytes(in, dataLength)));
            }
            case VERIFY: case TEST_BOOT: case CONFIRM: case ABORT: case STATUS_QUERY: {
                if (len < ID_ONLY_BYTES) {
                    return tooShort(commandName(op), len, ID_ONLY_BYTES);
                }
                ImageId image = imageId(in);
                switch (op) {
                    case VERIFY: return ok(Verify.of(image));
                    case TEST_BOOT: return ok(TestBoot.of(image));
                    case CONFIRM: return ok(Confirm.of(image));
                    case ABORT: return ok(Abort.of(image));
                    default: return ok(StatusQuery.of(image));
                }
            }
            default:
                return malformed(String.format("FIRMWARE_COMMAND: operation 0x%02x unknown, allowed 0x01..0x07", op));
        }
    }

    /** Decodes a firmware reply payload. */
    public static PayloadResult decodeReply(byte[] payload) {
        return decodeReply(payload, 0, payload.length);
    }

    /** Decodes the firmware reply payload {@code b[off, off+len)}. */
    public static PayloadResult decodeReply(byte[] b, int off, int len) {
        if (len == 0) {
            return malformed("FIRMWARE_REPLY: empty payload, expected an operation byte 0x01..0x07");
        }
        ByteBuffer in = ByteBuffer.wrap(b, off, len).slice().order(ByteOrder.LITTLE_ENDIAN);
        int op = in.get() & 0xFF;
        int needed;
        switch (op) {
            case NEXT_OFFSET: needed = ID_ONLY_BYTES + 4; break;
            case BOOTED: case CONFIRMED: case REVERTED: needed = ID_ONLY_BYTES + 3; break;
            case REJECTED: needed = ID_ONLY_BYTES + 1; break;
            case VERIFIED: case ABORTED: needed = ID_ONLY_BYTES; break;
            default:
                return malformed(String.format("FIRMWARE_REPLY: operation 0x%02x unknown, allowed 0x01..0x07", op));
        }
        if (len < needed) {
            return tooShort(replyName(op), len, needed);
        }
        ImageId image = imageId(in);
        switch (op) {
            case NEXT_OFFSET: return ok(NextOffset.of(image, Integer.toUnsignedLong(in.getInt())));
            case VERIFIED: return ok(Verified.of(image));
            case BOOTED: return ok(Booted.of(image, version(in)));
            case CONFIRMED: return ok(Confirmed.of(image, version(in)));
            case REVERTED: return ok(Reverted.of(image, version(in)));
            case ABORTED: return ok(Aborted.of(image));
            default: {
                int code = in.get() & 0xFF;
                return FirmwareReply.Reason.ofCode(code).map(r -> ok(Rejected.of(image, r)))
                        .orElseGet(() -> malformed("FIRMWARE_REPLY REJECTED: reason " + code + " unknown, allowed 1.."
                                + FirmwareReply.Reason.values().length));
            }
        }
    }

    private static int commandOp(FirmwareCommand command) {
        if (command instanceof Verify) {
            return VERIFY;
        }
        if (command instanceof TestBoot) {
            return TEST_BOOT;
        }
        if (command instanceof Confirm) {
            return CONFIRM;
        }
        return command instanceof Abort ? ABORT : STATUS_QUERY;
    }

    private static ByteBuffer buffer(int length, int op) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN).put((byte) op);
    }

    private static ByteBuffer withId(int length, int op, ImageId image) {
        return buffer(length, op).order(ByteOrder.BIG_ENDIAN).putLong(image.value()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The 8 hash bytes in hash order, read as a big-endian long (the rest of the payload is little-endian). */
    private static ImageId imageId(ByteBuffer in) {
        ImageId id = ImageId.of(in.order(ByteOrder.BIG_ENDIAN).getLong());
        in.order(ByteOrder.LITTLE_ENDIAN);
        return id;
    }

    private static byte[] version(FirmwareVersion v) {
        return new byte[] {(byte) v.major(), (byte) v.minor(), (byte) v.patch()};
    }

    private static FirmwareVersion version(ByteBuffer in) {
        return FirmwareVersion.of(in.get() & 0xFF, in.get() & 0xFF, in.get() & 0xFF);
    }

    private static byte[] bytes(ByteBuffer in, int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static PayloadResult tooShort(String op, int actual, int needed) {
        return malformed(op + ": payload of " + actual + " bytes, at least " + needed + " needed");
    }

    private static PayloadResult ok(Message m) {
        return new PayloadResult.Ok(m);
    }

    private static PayloadResult malformed(String detail) {
        return new PayloadResult.Malformed(RejectReason.BAD_PAYLOAD, detail);
    }

    private static String commandName(int op) {
        return "FIRMWARE_COMMAND " + switch (op) {
            case VERIFY -> "VERIFY";
            case TEST_BOOT -> "TEST_BOOT";
            case CONFIRM -> "CONFIRM";
            case ABORT -> "ABORT";
            default -> "STATUS_QUERY";
        };
    }

    private static String replyName(int op) {
        return "FIRMWARE_REPLY " + switch (op) {
            case NEXT_OFFSET -> "NEXT_OFFSET";
            case VERIFIED -> "VERIFIED";
            case BOOTED -> "BOOTED";
            case CONFIRMED -> "CONFIRMED";
            case REVERTED -> "REVERTED";
            case ABORTED -> "ABORTED";
            default -> "REJECTED";
        };
    }

}
