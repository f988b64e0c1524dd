package io.herdgate.protocol.serial;

import java.util.Optional;

/**
 * Writes and parses the record bytes between the COBS layer and the radio frame: the kind byte, the
 * kind's fixed header (multi-byte fields little-endian) and, for radio records, the frame.
 */
final class RecordCodec {

    static final int UPLINK_HEADER = 8;
    static final int DOWNLINK_HEADER = 5;
    static final int STATUS_LENGTH = 13;
    static final int TX_DONE_LENGTH = 8;

    private RecordCodec() {
    }

    /** Writes {@code record} at {@code dst[0..)}; returns its length. {@code dst} holds MAX_RECORD bytes. */
    static int write(DongleRecord record, byte[] dst) {
        dst[0] = (byte) record.kind().code();
        switch (record.kind()) {
            case RADIO_UPLINK -> {
                RadioUplink u = (RadioUplink) record;
                dst[1] = (byte) u.channel();
                dst[2] = (byte) u.rssiDbm();
                dst[3] = (byte) u.snrQuarterDb();
                putU32(dst, 4, u.rxTimeMs());
                u.frame().copyTo(dst, UPLINK_HEADER);
                return UPLINK_HEADER + u.frame().length();
            }
            case RADIO_DOWNLINK -> {
                RadioDownlink d = (RadioDownlink) record;
                putU16(dst, 1, d.tag().value());
                dst[3] = (byte) d.channel();
                dst[4] = (byte) d.txPowerDbm();
                d.frame().copyTo(dst, DOWNLINK_HEADER);
                return DOWNLINK_HEADER + d.frame().length();
            }
            case DONGLE_STATUS -> {
                DongleStatus s = (DongleStatus) record;
                putU32(dst, 1, s.uptimeMs());
                putU32(dst, 5, s.framesHeard());
                putU32(dst, 9, s.framesDropped());
                return STATUS_LENGTH;
            }
            case TX_DONE -> {
                TxDone t = (TxDone) record;
                putU16(dst, 1, t.tag().value());
                dst[3] = (byte) t.outcome().code();
                putU32(dst, 4, t.doneMs());
                return TX_DONE_LENGTH;
            }
            default -> throw new AssertionError(record.kind());
        }
    }

    /**
     * Parses {@code buf[0, len)}, the record with its CRC already checked and removed; the offset and
     * length only label a rejection.
     */
    static Deframed parse(byte[] buf, int len, long streamOffset, long encodedLength) {
        Rejection bad = check(buf, len);
        return bad != null ? Deframed.Rejected.of(bad, streamOffset, encodedLength)
                : Deframed.Accepted.of(build(buf, len));
    }

    /** The reason {@code buf[0, len)} is not a valid record, or null if it is one. */
    private static Rejection check(byte[] buf, int len) {
        if (len < 1) {
            return Rejection.TOO_SHORT;
        }
        Optional<RecordKind> kind = RecordKind.ofCode(buf[0] & 0xFF);
        if (kind.isEmpty()) {
            return Rejection.UNKNOWN_KIND;
        }
        return switch (kind.get()) {
            case RADIO_UPLINK -> checkFrame(len, UPLINK_HEADER);
            case RADIO_DOWNLINK -> checkFrame(len, DOWNLINK_HEADER);
            case DONGLE_STATUS -> checkFixed(len, STATUS_LENGTH);
            case TX_DONE -> {
                Rejection bad = checkFixed(len, TX_DONE_LENGTH);
                yield bad != null || TxOutcome.ofCode(buf[3] & 0xFF).isPresent() ? bad : Rejection.BAD_FIELD;
            }
        };
    }

    /** Builds the record from bytes {@link #check} found valid. */
    private static DongleRecord build(byte[] buf, int len) {
        return switch (RecordKind.ofCode(buf[0] & 0xFF).orElseThrow()) {
            case RADIO_UPLINK -> RadioUplink.of(buf[1] & 0xFF, buf[2], buf[3], u32(buf, 4),
                    RadioFrame.of(buf, UPLINK_HEADER, len - UPLINK_HEADER));
            case RADIO_DOWNLINK -> RadioDownlink.of(TxTag.of(u16(buf, 1)), buf[3] & 0xFF, buf[4],
                    RadioFrame.of(buf, DOWNLINK_HEADER, len - DOWNLINK_HEADER));
            case DONGLE_STATUS -> DongleStatus.of(u32(buf, 1), u32(buf, 5), u32(buf, 9));
            case TX_DONE -> TxDone.of(TxTag.of(u16(buf, 1)), TxOutcome.ofCode(buf[3] & 0xFF).orElseThrow(),
                    u32(buf, 4));
        };
    }

    private static Rejection checkFrame(int len, int header) {
        if (len <= header) {
            return Rejection.TOO_SHORT;
        }
        return len - header > SerialLimits.MAX_RADIO_FRAME ? Rejection.BAD_LENGTH : null;
    }

    private static Rejection checkFixed(int len, int expected) {
        if (len < expected) {
            return Rejection.TOO_SHORT;
        }
        return len > expected ? Rejection.BAD_LENGTH : null;
    }

    static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    static void putU32(byte[] b, int off, long v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int off) {
        return ((b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16
                | (long) (b[off + 3] & 0xFF) << 24);
    }
}
