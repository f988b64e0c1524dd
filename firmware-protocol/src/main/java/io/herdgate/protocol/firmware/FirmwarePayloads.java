package io.herdgate.protocol.firmware;

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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The payload codec of the {@code FIRMWARE_COMMAND} (0x44) and {@code FIRMWARE_REPLY} (0x06) messages:
 * the bytes after the frame header, before the MIC. The first byte is the operation code; multi-byte
 * integers are little-endian; an {@link ImageId} is its 8 hash bytes in hash order. Layouts are tabled in
 * {@code firmware-protocol/spec/firmware-update.md}. Decoding never throws on bad bytes.
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
    public static PayloadResult<FirmwareCommand> decodeCommand(byte[] payload) {
        if (payload.length == 0) {
            return PayloadResult.malformed("firmware command: empty payload, expected an operation byte 0x01..0x07");
        }
        ByteBuffer in = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        int op = in.get() & 0xFF;
        return switch (op) {
            case BEGIN -> {
                if (payload.length != BEGIN_BYTES) {
                    yield wrongLength("BEGIN", payload.length, BEGIN_BYTES);
                }
                long size = Integer.toUnsignedLong(in.getInt());
                byte[] sha = bytes(in, 32);
                FirmwareVersion version = version(in);
                int hardware = in.getShort() & 0xFFFF;
                byte[] signature = bytes(in, 64);
                if (size == 0) {
                    yield PayloadResult.malformed("firmware command BEGIN: image size 0, allowed 1..2^32-1");
                }
                yield PayloadResult.decoded(Begin.of(size, sha, version, hardware, signature));
            }
            case CHUNK -> {
                int dataLength = payload.length - CHUNK_HEADER_BYTES;
                if (dataLength < 1 || dataLength > Chunk.MAX_DATA_BYTES) {
                    yield PayloadResult.malformed("firmware command CHUNK: " + payload.length + " bytes, allowed "
                            + (CHUNK_HEADER_BYTES + 1) + ".." + MAX_PAYLOAD_BYTES + " (1.." + Chunk.MAX_DATA_BYTES
                            + " data bytes)");
                }
                ImageId image = ImageId.of(in.order(ByteOrder.BIG_ENDIAN).getLong());
                long offset = Integer.toUnsignedLong(in.order(ByteOrder.LITTLE_ENDIAN).getInt());
                yield PayloadResult.decoded(Chunk.of(image, offset, bytes(in, dataLength)));
            }
            case VERIFY, TEST_BOOT, CONFIRM, ABORT, STATUS_QUERY -> {
                if (payload.length != ID_ONLY_BYTES) {
                    yield wrongLength(commandName(op), payload.length, ID_ONLY_BYTES);
                }
                ImageId image = imageId(in);
                yield PayloadResult.decoded(switch (op) {
                    case VERIFY -> Verify.of(image);
                    case TEST_BOOT -> TestBoot.of(image);
                    case CONFIRM -> Confirm.of(image);
                    case ABORT -> Abort.of(image);
                    default -> StatusQuery.of(image);
                });
            }
            default -> PayloadResult.malformed(String.format(
                    "firmware command: operation 0x%02x unknown, allowed 0x01..0x07", op));
        };
    }

    /** Decodes a firmware reply payload. */
    public static PayloadResult<FirmwareReply> decodeReply(byte[] payload) {
        if (payload.length == 0) {
            return PayloadResult.malformed("firmware reply: empty payload, expected an operation byte 0x01..0x07");
        }
        ByteBuffer in = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        int op = in.get() & 0xFF;
        int expected = switch (op) {
            case NEXT_OFFSET -> ID_ONLY_BYTES + 4;
            case BOOTED, CONFIRMED, REVERTED -> ID_ONLY_BYTES + 3;
            case REJECTED -> ID_ONLY_BYTES + 1;
            case VERIFIED, ABORTED -> ID_ONLY_BYTES;
            default -> -1;
        };
        if (expected < 0) {
            return PayloadResult.malformed(String.format("firmware reply: operation 0x%02x unknown, allowed 0x01..0x07", op));
        }
        if (payload.length != expected) {
            return wrongLength(replyName(op), payload.length, expected);
        }
        ImageId image = imageId(in);
        return switch (op) {
            case NEXT_OFFSET -> PayloadResult.decoded(NextOffset.of(image, Integer.toUnsignedLong(in.getInt())));
            case VERIFIED -> PayloadResult.decoded(Verified.of(image));
            case BOOTED -> PayloadResult.decoded(Booted.of(image, version(in)));
            case CONFIRMED -> PayloadResult.decoded(Confirmed.of(image, version(in)));
            case REVERTED -> PayloadResult.decoded(Reverted.of(image, version(in)));
            case ABORTED -> PayloadResult.decoded(Aborted.of(image));
            default -> {
                int code = in.get() & 0xFF;
                Optional<FirmwareReply.Reason> reason = FirmwareReply.Reason.ofCode(code);
                yield reason.<PayloadResult<FirmwareReply>>map(r -> PayloadResult.decoded(Rejected.of(image, r)))
                        .orElseGet(() -> PayloadResult.malformed("firmware reply REJECTED: reason " + code
                                + " unknown, allowed 1.." + FirmwareReply.Reason.values().length));
            }
        };
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

    private static <T> PayloadResult<T> wrongLength(String op, int actual, int expected) {
        return PayloadResult.malformed("firmware " + op + ": " + actual + " bytes, expected " + expected);
    }

    private static String commandName(int op) {
        return switch (op) {
            case VERIFY -> "command VERIFY";
            case TEST_BOOT -> "command TEST_BOOT";
            case CONFIRM -> "command CONFIRM";
            case ABORT -> "command ABORT";
            case STATUS_QUERY -> "command STATUS_QUERY";
            default -> "command BEGIN";
        };
    }

    private static String replyName(int op) {
        return "reply " + switch (op) {
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
