package io.herdgate.protocol.frame;

import static io.herdgate.protocol.frame.FrameLayout.*;

import io.herdgate.protocol.message.MessageType;
import java.util.Optional;

/**
 * Structural checks and header reads of a raw frame, with no keys and no state. Every read of
 * {@link #header} is within the bounds {@link #check} verified, so a checked frame can be read without
 * further bounds checks; nothing is allocated for a frame that fails.
 */
public final class FrameParser {

    /** Message types by code (null where unassigned): two lookups per frame without an Optional each. */
    private static final MessageType[] TYPES = new MessageType[256];

    static {
        for (MessageType t : MessageType.values()) {
            TYPES[t.code()] = t;
        }
    }

    private FrameParser() {
    }

    /**
     * Checks version, length, flags and type of the frame in {@code b[off, off+len)}, in the order of
     * {@code PROTOCOL.md} "Receiving a frame". Empty when the frame is structurally sound.
     */
    public static Optional<Rejected> check(byte[] b, int off, int len) {
        // The sound frame's path stays small enough for the JIT to inline into the receive path; the
        // messages of a rejection are built apart, in the documented order of the checks.
        return isSound(b, off, len) ? Optional.empty() : diagnose(b, off, len);
    }

    /** Whether {@link #diagnose} finds nothing wrong, without saying what. */
    static boolean isSound(byte[] b, int off, int len) {
        if (len < MIN_FRAME || len > MAX_FRAME || (b[off] & 0xFF) >>> 4 != VERSION_MAJOR) {
            return false;
        }
        int flags = b[off + OFFSET_FLAGS] & 0xFF;
        MessageType type = TYPES[b[off + OFFSET_TYPE] & 0xFF];
        int payloadLength = LittleEndian.u16(b, off + OFFSET_LENGTH);
        return (flags & FLAGS_RESERVED) == 0 && type != null && ((flags & FLAG_DOWN) != 0) != type.isUplink()
                && payloadLength <= MAX_PAYLOAD
                && len == headerSize((flags & FLAG_SHORT_COUNTER) != 0) + payloadLength + MIC_SIZE;
    }

    /** The first structural fault of the frame, in the order of {@link #check}; empty if none. */
    static Optional<Rejected> diagnose(byte[] b, int off, int len) {
        if (len < 1) {
            return Optional.of(Rejected.of(RejectReason.TRUNCATED, "empty frame"));
        }
        int version = b[off] & 0xFF;
        if (version >>> 4 != VERSION_MAJOR) {
            return Optional.of(Rejected.of(RejectReason.UNKNOWN_VERSION, "version byte 0x" + hex2(version)
                    + ": major " + (version >>> 4) + " is not the supported major " + VERSION_MAJOR));
        }
        if (len > MAX_FRAME) {
            return Optional.of(Rejected.of(RejectReason.OVERSIZE,
                    len + " bytes, over the maximum frame of " + MAX_FRAME));
        }
        if (len < MIN_FRAME) {
            return Optional.of(Rejected.of(RejectReason.TRUNCATED,
                    len + " bytes, shorter than the smallest frame of " + MIN_FRAME));
        }
        int flags = b[off + OFFSET_FLAGS] & 0xFF;
        int header = headerSize((flags & FLAG_SHORT_COUNTER) != 0);
        int payloadLength = LittleEndian.u16(b, off + OFFSET_LENGTH);
        if (len < header + MIC_SIZE) {
            return Optional.of(Rejected.of(RejectReason.TRUNCATED,
                    len + " bytes, shorter than header and MIC (" + (header + MIC_SIZE) + ")"));
        }
        if ((flags & FLAGS_RESERVED) != 0) {
            return rejectKnown(b, off, flags, RejectReason.BAD_HEADER, "flags 0x" + hex2(flags)
                    + ": reserved bits 4..7 must be 0");
        }
        int code = b[off + OFFSET_TYPE] & 0xFF;
        MessageType type = TYPES[code];
        if (type == null) {
            return rejectKnown(b, off, flags, RejectReason.UNKNOWN_TYPE, "type 0x" + hex2(code)
                    + " is not assigned (uplinks 0x01..0x06, downlinks 0x41..0x45)");
        }
        boolean down = (flags & FLAG_DOWN) != 0;
        if (down == type.isUplink()) {
            return rejectKnown(b, off, flags, RejectReason.BAD_HEADER, "direction flag says "
                    + (down ? "down" : "up") + " but type 0x" + hex2(code) + " travels "
                    + (down ? "up" : "down"));
        }
        if (payloadLength > MAX_PAYLOAD) {
            return rejectKnown(b, off, flags, RejectReason.OVERSIZE, "payload length " + payloadLength
                    + " over the maximum of " + MAX_PAYLOAD);
        }
        int expected = header + payloadLength + MIC_SIZE;
        if (len < expected) {
            return rejectKnown(b, off, flags, RejectReason.TRUNCATED, len + " bytes, payload length "
                    + payloadLength + " needs " + expected);
        }
        if (len > expected) {
            return rejectKnown(b, off, flags, RejectReason.TRAILING_BYTES, len + " bytes, payload length "
                    + payloadLength + " needs exactly " + expected);
        }
        return Optional.empty();
    }

    /** The header of a frame that passed {@link #check}, with the counter as on air. */
    public static FrameHeader header(byte[] b, int off) {
        return header(b, off, CollarEui.of(LittleEndian.u64(b, off + OFFSET_EUI)));
    }

    /**
     * The header of a frame that passed {@link #check}, reusing {@code eui} (the caller checked it is the
     * frame's address) so that a session allocates no address per frame.
     */
    public static FrameHeader header(byte[] b, int off, CollarEui eui) {
        int flags = b[off + OFFSET_FLAGS] & 0xFF;
        return new FrameHeader(b[off] & 0x0F, TYPES[b[off + OFFSET_TYPE] & 0xFF],
                Direction.ofBit(flags), (flags & FLAG_ENCRYPTED) != 0, (flags & FLAG_ACK_REQUESTED) != 0,
                (flags & FLAG_SHORT_COUNTER) != 0, LittleEndian.u16(b, off + OFFSET_LENGTH), eui,
                onAirCounter(b, off, flags));
    }

    /** The raw 64-bit address of a frame at least {@code OFFSET_EUI + 8} bytes long. */
    public static long euiValue(byte[] b, int off) {
        return LittleEndian.u64(b, off + OFFSET_EUI);
    }

    /** The MIC as on air (the last four bytes, little-endian) of a frame of {@code len} bytes. */
    public static int mic(byte[] b, int off, int len) {
        return LittleEndian.i32(b, off + len - MIC_SIZE);
    }

    /** A rejection of a frame whose address and counter could be read (built only when rejecting). */
    private static Optional<Rejected> rejectKnown(byte[] b, int off, int flags, RejectReason reason, String detail) {
        return Optional.of(Rejected.of(reason, detail, CollarEui.of(LittleEndian.u64(b, off + OFFSET_EUI)),
                onAirCounter(b, off, flags)));
    }

    private static long onAirCounter(byte[] b, int off, int flags) {
        return (flags & FLAG_SHORT_COUNTER) != 0
                ? LittleEndian.u16(b, off + OFFSET_COUNTER)
                : LittleEndian.u32(b, off + OFFSET_COUNTER);
    }

    static String hex2(int v) {
        return String.format("%02X", v);
    }
}
