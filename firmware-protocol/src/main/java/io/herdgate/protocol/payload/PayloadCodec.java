package io.herdgate.protocol.payload;

import static io.herdgate.protocol.frame.LittleEndian.put;
import static io.herdgate.protocol.frame.LittleEndian.u16;
import static io.herdgate.protocol.frame.LittleEndian.u24;
import static io.herdgate.protocol.frame.LittleEndian.u32;
import static io.herdgate.protocol.frame.LittleEndian.u48;
import static io.herdgate.protocol.frame.LittleEndian.u8;

import io.herdgate.protocol.firmware.FirmwarePayloads;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.Ack;
import io.herdgate.protocol.message.ActivitySummary;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.CollarEvent;
import io.herdgate.protocol.message.CollarStatus;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.message.ResetCause;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.message.TimeSync;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Payload bytes of every message type ⇄ message records, per the tables in {@code PROTOCOL.md},
 * "Payloads". All fields little-endian. A payload longer than its type needs is accepted and the extra
 * bytes are skipped (a newer minor version appends fields); a shorter one is {@code BAD_PAYLOAD}.
 * Decoding never throws on bad bytes.
 */
public final class PayloadCodec {

    /** {@code STATUS} payload size. */
    public static final int STATUS_SIZE = 20;
    /** {@code EVENT} payload size. */
    public static final int EVENT_SIZE = 9;
    /** {@code JOIN_REQUEST} payload size. */
    public static final int JOIN_REQUEST_SIZE = 5;
    /** {@code CONFIG} payload size (also embedded in {@code JOIN_ACCEPT}). */
    public static final int CONFIG_SIZE = 14;
    /**
     * {@code JOIN_ACCEPT} payload size: 24 bytes of fields and 4 reserved zero bytes, so that payload and
     * MIC fill exactly two AES blocks.
     */
    public static final int JOIN_ACCEPT_SIZE = 28;
    /** {@code TIME_SYNC} payload size. */
    public static final int TIME_SYNC_SIZE = 6;
    /** {@code ACK} payload size. */
    public static final int ACK_SIZE = 4;
    /** {@code SAMPLE_BATCH} fixed part before the samples. */
    public static final int SAMPLE_HEADER_SIZE = 10;
    /** {@code ACTIVITY_SUMMARY} fixed part before the intervals. */
    public static final int SUMMARY_HEADER_SIZE = 7;
    /** Bytes per {@code ACTIVITY_SUMMARY} interval. */
    public static final int SUMMARY_INTERVAL_SIZE = 10;

    private PayloadCodec() {
    }

    /** Decodes the payload {@code b[off, off+len)} of a frame of the given type. */
    public static PayloadResult decode(MessageType type, byte[] b, int off, int len) {
        try {
            return switch (type) {
                case SAMPLE_BATCH -> sampleBatch(b, off, len);
                case ACTIVITY_SUMMARY -> activitySummary(b, off, len);
                case STATUS -> fixed(type, len, STATUS_SIZE).orElseGet(() -> status(b, off));
                case EVENT -> fixed(type, len, EVENT_SIZE).orElseGet(() -> event(b, off));
                case JOIN_REQUEST -> fixed(type, len, JOIN_REQUEST_SIZE).orElseGet(() -> ok(
                        JoinRequest.of(u16(b, off), version(b, off + 2))));
                case JOIN_ACCEPT -> fixed(type, len, JOIN_ACCEPT_SIZE).orElseGet(() -> joinAccept(b, off));
                case CONFIG -> fixed(type, len, CONFIG_SIZE).orElseGet(() -> config(b, off));
                case TIME_SYNC -> fixed(type, len, TIME_SYNC_SIZE).orElseGet(() -> ok(TimeSync.of(u48(b, off))));
                case ACK -> fixed(type, len, ACK_SIZE).orElseGet(() -> ok(Ack.of(u32(b, off))));
                case FIRMWARE_REPLY -> FirmwarePayloads.decodeReply(b, off, len);
                case FIRMWARE_COMMAND -> FirmwarePayloads.decodeCommand(b, off, len);
            };
        } catch (IllegalArgumentException e) {
            // A record rejected a field value; its message names the field and the allowed range.
            return bad(type + ": " + e.getMessage());
        }
    }

    /**
     * Encodes the payload of {@code message} at {@code out[off]}, which must have room for
     * {@link FrameLayout#MAX_PAYLOAD} bytes; returns the payload length.
     *
     * @throws IllegalArgumentException for a message type this build cannot encode
     */
    public static int encode(Message message, byte[] out, int off) {
        switch (message.type()) {
            case SAMPLE_BATCH: {
                SampleBatch s = (SampleBatch) message;
                int coding = SampleCoding.choose(s);
                put(out, off, 4, s.firstSampleAgeMs());
                put(out, off + 4, 2, s.rateCentiHz());
                put(out, off + 6, 1, s.range().code());
                put(out, off + 7, 1, coding);
                put(out, off + 8, 2, s.count());
                return SAMPLE_HEADER_SIZE + SampleCoding.write(s, coding, out, off + SAMPLE_HEADER_SIZE);
            }
            case ACTIVITY_SUMMARY: {
                ActivitySummary a = (ActivitySummary) message;
                put(out, off, 4, a.lastIntervalEndAgeS());
                put(out, off + 4, 2, a.intervalS());
                put(out, off + 6, 1, a.intervals().size());
                int p = off + SUMMARY_HEADER_SIZE;
                for (ActivitySummary.Interval i : a.intervals()) {
                    put(out, p, 2, i.activity());
                    put(out, p + 2, 2, i.steps());
                    put(out, p + 4, 2, i.lyingS());
                    put(out, p + 6, 2, i.ruminationS());
                    put(out, p + 8, 2, i.lyingBouts());
                    p += SUMMARY_INTERVAL_SIZE;
                }
                return p - off;
            }
            case STATUS: {
                CollarStatus s = (CollarStatus) message;
                put(out, off, 2, s.batteryMv());
                put(out, off + 2, 2, s.temperatureDeciC());
                putVersion(out, off + 4, s.firmware());
                put(out, off + 7, 4, s.uptimeS());
                put(out, off + 11, 1, s.resetCause().code());
                put(out, off + 12, 4, s.framesSent());
                put(out, off + 16, 4, s.framesDropped());
                return STATUS_SIZE;
            }
            case EVENT: {
                CollarEvent e = (CollarEvent) message;
                put(out, off, 1, e.kind().code());
                put(out, off + 1, 4, e.ageMs());
                put(out, off + 5, 2, e.peakMilliG());
                put(out, off + 7, 2, e.durationMs());
                return EVENT_SIZE;
            }
            case JOIN_REQUEST: {
                JoinRequest j = (JoinRequest) message;
                put(out, off, 2, j.collarNonce());
                putVersion(out, off + 2, j.firmware());
                return JOIN_REQUEST_SIZE;
            }
            case JOIN_ACCEPT: {
                JoinAccept j = (JoinAccept) message;
                put(out, off, 3, j.gatewayNonce());
                put(out, off + 3, 3, j.networkId());
                put(out, off + 6, 4, j.gatewayTimeS());
                putConfig(out, off + 10, j.config());
                put(out, off + 10 + CONFIG_SIZE, 4, 0);
                return JOIN_ACCEPT_SIZE;
            }
            case CONFIG:
                putConfig(out, off, (CollarConfig) message);
                return CONFIG_SIZE;
            case TIME_SYNC:
                put(out, off, 6, ((TimeSync) message).gatewayTimeMs());
                return TIME_SYNC_SIZE;
            case ACK:
                put(out, off, 4, ((Ack) message).ackedCounter());
                return ACK_SIZE;
            case FIRMWARE_COMMAND:
                return copyIn(FirmwarePayloads.encode((FirmwareCommand) message), out, off);
            case FIRMWARE_REPLY:
                return copyIn(FirmwarePayloads.encode((FirmwareReply) message), out, off);
            default:
                throw new IllegalArgumentException("no payload encoder for " + message.type() + " in this build");
        }
    }

    /** The payload of {@code message} as a new array. */
    public static byte[] encode(Message message) {
        byte[] buf = new byte[FrameLayout.MAX_PAYLOAD];
        return Arrays.copyOf(buf, encode(message, buf, 0));
    }

    private static int copyIn(byte[] payload, byte[] out, int off) {
        System.arraycopy(payload, 0, out, off, payload.length);
        return payload.length;
    }

    private static PayloadResult sampleBatch(byte[] b, int off, int len) {
        if (len < SAMPLE_HEADER_SIZE) {
            return tooShort(MessageType.SAMPLE_BATCH, len, SAMPLE_HEADER_SIZE);
        }
        Optional<AccelRange> range = AccelRange.ofCode(u8(b, off + 6));
        if (range.isEmpty()) {
            return bad("SAMPLE_BATCH: range code " + u8(b, off + 6) + " not one of 0 (2 g), 1 (4 g), 2 (8 g), 3 (16 g)");
        }
        int coding = u8(b, off + 7);
        if (coding != SampleCoding.PACKED12 && coding != SampleCoding.DELTA && coding != SampleCoding.RICE) {
            return bad("SAMPLE_BATCH: coding " + coding + " not one of 0 (packed 12-bit), 1 (delta), 2 (rice)");
        }
        int n = u16(b, off + 8);
        if (n > SampleBatch.MAX_SAMPLES) {
            return bad("SAMPLE_BATCH: sample count " + n + " out of 0.." + SampleBatch.MAX_SAMPLES);
        }
        short[] xyz = new short[3 * n];
        String problem = SampleCoding.read(coding, b, off + SAMPLE_HEADER_SIZE, len - SAMPLE_HEADER_SIZE, n, xyz);
        if (!problem.isEmpty()) {
            return bad("SAMPLE_BATCH: " + problem);
        }
        return ok(new SampleBatch(u32(b, off), u16(b, off + 4), range.get(), xyz));
    }

    private static PayloadResult activitySummary(byte[] b, int off, int len) {
        if (len < SUMMARY_HEADER_SIZE) {
            return tooShort(MessageType.ACTIVITY_SUMMARY, len, SUMMARY_HEADER_SIZE);
        }
        int n = u8(b, off + 6);
        int need = SUMMARY_HEADER_SIZE + n * SUMMARY_INTERVAL_SIZE;
        if (len < need) {
            return tooShort(MessageType.ACTIVITY_SUMMARY, len, need);
        }
        List<ActivitySummary.Interval> intervals = new ArrayList<>(n);
        for (int p = off + SUMMARY_HEADER_SIZE; p < off + need; p += SUMMARY_INTERVAL_SIZE) {
            intervals.add(ActivitySummary.Interval.of(u16(b, p), u16(b, p + 2), u16(b, p + 4), u16(b, p + 6),
                    u16(b, p + 8)));
        }
        return ok(ActivitySummary.of(u32(b, off), u16(b, off + 4), intervals));
    }

    private static PayloadResult status(byte[] b, int off) {
        return ok(CollarStatus.of(u16(b, off), (short) u16(b, off + 2), version(b, off + 4), u32(b, off + 7),
                ResetCause.ofCode(u8(b, off + 11)), u32(b, off + 12), u32(b, off + 16)));
    }

    private static PayloadResult event(byte[] b, int off) {
        int code = u8(b, off);
        return CollarEvent.Kind.ofCode(code)
                .<PayloadResult>map(kind -> ok(CollarEvent.of(kind, u32(b, off + 1), u16(b, off + 5), u16(b, off + 7))))
                .orElseGet(() -> bad("EVENT: kind " + code + " not one of 1 (impact), 2 (free_fall), 3 (collar_removed)"));
    }

    private static PayloadResult joinAccept(byte[] b, int off) {
        PayloadResult config = config(b, off + 10);
        if (config instanceof PayloadResult.Ok ok) {
            return ok(JoinAccept.of(u24(b, off), u24(b, off + 3), u32(b, off + 6), (CollarConfig) ok.message()));
        }
        return config;
    }

    private static PayloadResult config(byte[] b, int off) {
        int rangeCode = u8(b, off + 2);
        Optional<AccelRange> range = AccelRange.ofCode(rangeCode);
        if (range.isEmpty()) {
            return bad("CONFIG: range code " + rangeCode + " not one of 0 (2 g), 1 (4 g), 2 (8 g), 3 (16 g)");
        }
        return ok(CollarConfig.of(u16(b, off), range.get(), u8(b, off + 3), u16(b, off + 4), u16(b, off + 6),
                u16(b, off + 8), u16(b, off + 10), u16(b, off + 12)));
    }

    private static void putConfig(byte[] out, int off, CollarConfig c) {
        put(out, off, 2, c.sampleRateCentiHz());
        put(out, off + 2, 1, c.range().code());
        put(out, off + 3, 1, c.batchSeconds());
        put(out, off + 4, 2, c.summaryIntervalS());
        put(out, off + 6, 2, c.impactThresholdMg());
        put(out, off + 8, 2, c.freeFallThresholdMg());
        put(out, off + 10, 2, c.removedAfterS());
        put(out, off + 12, 2, c.statusIntervalS());
    }

    private static FirmwareVersion version(byte[] b, int off) {
        return FirmwareVersion.of(u8(b, off), u8(b, off + 1), u8(b, off + 2));
    }

    private static void putVersion(byte[] out, int off, FirmwareVersion v) {
        put(out, off, 1, v.major());
        put(out, off + 1, 1, v.minor());
        put(out, off + 2, 1, v.patch());
    }

    private static Optional<PayloadResult> fixed(MessageType type, int len, int size) {
        return len < size ? Optional.of(tooShort(type, len, size)) : Optional.empty();
    }

    private static PayloadResult tooShort(MessageType type, int len, int size) {
        return bad(type + ": payload of " + len + " bytes, at least " + size + " needed");
    }

    private static PayloadResult ok(Message m) {
        return new PayloadResult.Ok(m);
    }

    private static PayloadResult bad(String detail) {
        return new PayloadResult.Malformed(RejectReason.BAD_PAYLOAD, detail);
    }
}
