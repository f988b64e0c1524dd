package io.herdgate.protocol.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.protocol.Samples;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.Ack;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.CollarEvent;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.JoinAccept;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.TimeSync;
import io.herdgate.protocol.message.ActivitySummary;
import io.herdgate.protocol.message.CollarStatus;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.ImageId;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.message.ResetCause;
import io.herdgate.protocol.message.SampleBatch;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PayloadCodecTest {

    static Stream<Message> everyType() {
        return Samples.everyType().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void decode_ofEncode_isTheSameMessage(Message m) {
        byte[] payload = PayloadCodec.encode(m);
        assertEquals(new PayloadResult.Ok(m), PayloadCodec.decode(m.type(), payload, 0, payload.length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void decode_payloadOneByteShort_isBadPayload(Message m) {
        byte[] payload = PayloadCodec.encode(m);
        PayloadResult r = PayloadCodec.decode(m.type(), payload, 0, payload.length - 1);
        assertEquals(RejectReason.BAD_PAYLOAD, assertInstanceOf(PayloadResult.Malformed.class, r).reason());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void decode_extraTrailingBytesOfANewerMinor_areSkipped(Message m) {
        byte[] payload = PayloadCodec.encode(m);
        byte[] longer = Arrays.copyOf(payload, payload.length + 5);
        Arrays.fill(longer, payload.length, longer.length, (byte) 0x5A);
        assertEquals(new PayloadResult.Ok(m), PayloadCodec.decode(m.type(), longer, 0, longer.length));
    }

    static Stream<Message> boundaryValues() {
        long u32 = 0xFFFF_FFFFL;
        return Stream.of(
                CollarStatus.of(0xFFFF, Short.MIN_VALUE, FirmwareVersion.of(255, 255, 255), u32, ResetCause.UNKNOWN, u32, u32),
                CollarStatus.of(0, Short.MAX_VALUE, FirmwareVersion.of(0, 0, 0), 0, ResetCause.POWER_ON, 0, 0),
                CollarEvent.of(CollarEvent.Kind.COLLAR_REMOVED, u32, 0xFFFF, 0xFFFF),
                CollarEvent.of(CollarEvent.Kind.IMPACT, 0, 0, 0),
                CollarConfig.of(10_000, AccelRange.G16, 255, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF),
                CollarConfig.of(100, AccelRange.G2, 0, 0, 0, 0, 0, 60),
                JoinAccept.of(0xFF_FFFF, 0xFF_FFFF, u32, CollarConfig.defaults()),
                JoinRequest.of(0xFFFF, FirmwareVersion.of(255, 0, 255)),
                TimeSync.of(0xFFFF_FFFF_FFFFL),
                TimeSync.of(0),
                Ack.of(0),
                ActivitySummary.of(u32, 0xFFFF, List.of(ActivitySummary.Interval.of(0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF))),
                SampleBatch.of(u32, 0xFFFF, AccelRange.G16, new short[] {2047, -2048, 0}),
                SampleBatch.of(0, 1, AccelRange.G2, new short[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaryValues")
    void decode_ofEncode_keepsEveryFieldAtItsLimits(Message m) {
        byte[] payload = PayloadCodec.encode(m);
        assertEquals(new PayloadResult.Ok(m), PayloadCodec.decode(m.type(), payload, 0, payload.length));
    }

    @Test
    void encode_status_matchesTheDocumentedLayout() {
        CollarStatus s = CollarStatus.of(3600, -45, io.herdgate.protocol.message.FirmwareVersion.of(1, 4, 2),
                86_400, ResetCause.WATCHDOG, 12_345, 7);
        // battery 3600 = 0x0E10, temp -45 = 0xFFD3, fw 1.4.2, uptime 86400 = 0x00015180, cause 2,
        // sent 12345 = 0x3039, dropped 7; all little-endian.
        assertEquals("100ed3ff01040280510100023930000007000000",
                HexFormat.of().formatHex(PayloadCodec.encode(s)));
    }

    @Test
    void decode_unknownResetCause_isKeptAsUnknown() {
        byte[] payload = PayloadCodec.encode(Samples.status());
        payload[11] = (byte) 200;
        PayloadResult r = PayloadCodec.decode(MessageType.STATUS, payload, 0, payload.length);
        assertEquals(ResetCause.UNKNOWN, ((CollarStatus) ((PayloadResult.Ok) r).message()).resetCause());
    }

    @ParameterizedTest(name = "{0} samples")
    @CsvSource({"0", "1", "2", "16", "17", "18", "33", "49"})
    void sampleBatch_roundTripsInBothCodings(int n) {
        for (SampleBatch b : List.of(Samples.restingBatch(n), Samples.extremeBatch(n))) {
            byte[] payload = PayloadCodec.encode(b);
            assertEquals(new PayloadResult.Ok(b), PayloadCodec.decode(MessageType.SAMPLE_BATCH, payload, 0, payload.length));
            assertTrue(payload.length <= FrameLayout.MAX_PAYLOAD);
        }
    }

    @Test
    void sampleBatch_restingCow_usesADifferenceCodingUnderTwoBytesPerSample() {
        byte[] payload = PayloadCodec.encode(Samples.restingBatch(40));
        assertTrue(payload[7] == SampleCoding.DELTA || payload[7] == SampleCoding.RICE, "coding " + payload[7]);
        assertTrue(payload.length - PayloadCodec.SAMPLE_HEADER_SIZE < 80, "bytes: " + payload.length);
    }

    @Test
    void sampleBatch_fullScaleNoise_usesPacked12AtFourAndAHalfBytesPerSample() {
        byte[] payload = PayloadCodec.encode(Samples.extremeBatch(40));
        assertEquals(SampleCoding.PACKED12, payload[7]);
        assertEquals(PayloadCodec.SAMPLE_HEADER_SIZE + 180, payload.length);
    }

    @Test
    void sampleBatch_packed12_matchesTheDocumentedBitOrder() {
        // x=1, y=-1 (0xFFF), z=0x123: bits LSB first -> 01 F0 FF 23 01
        SampleBatch b = SampleBatch.of(0, 1000, AccelRange.G2, new short[] {1, -1, 0x123});
        byte[] samples = new byte[5];
        SampleCoding.write(b, SampleCoding.PACKED12, samples, 0);
        assertEquals("01f0ff2301", HexFormat.of().formatHex(samples));
    }

    @ParameterizedTest(name = "coding {0}, {1} samples")
    @CsvSource({"0, 1", "0, 49", "1, 2", "1, 17", "1, 49", "2, 1", "2, 2", "2, 17", "2, 33", "2, 49"})
    void sampleBatch_everyCoding_roundTrips(int coding, int n) {
        for (SampleBatch b : List.of(Samples.restingBatch(n), Samples.extremeBatch(n))) {
            byte[] payload = withCoding(b, coding);
            assertEquals(new PayloadResult.Ok(b), PayloadCodec.decode(MessageType.SAMPLE_BATCH, payload, 0, payload.length));
        }
    }

    @Test
    void sampleBatch_rice_matchesTheDocumentedBitOrder() {
        // First sample x=1, y=-1, z=0x123 in 12 bits each; then x: k=0, zigzag(+1)=2 -> 0 0 1; y and z:
        // k=0, zigzag(0)=0 -> 1. 53 bits, LSB first.
        SampleBatch b = SampleBatch.of(0, 1000, AccelRange.G2, new short[] {1, -1, 0x123, 2, -1, 0x123});
        byte[] samples = new byte[7];
        assertEquals(7, SampleCoding.write(b, SampleCoding.RICE, samples, 0));
        assertEquals("01f0ff23018410", HexFormat.of().formatHex(samples));
    }

    @Test
    void sampleBatch_recordedGrazingMotion_picksRiceCoding() {
        // Differences of a few counts with an occasional larger one: Rice codes by the typical size,
        // blocks of fixed width by the largest.
        short[] xyz = new short[3 * 40];
        for (int i = 1; i < 40; i++) {
            for (int a = 0; a < 3; a++) {
                int d = (i * 7 + a * 3) % 9 - 4 + (i % 13 == 0 ? 60 : 0);
                xyz[3 * i + a] = (short) (xyz[3 * (i - 1) + a] + d);
            }
        }
        byte[] payload = PayloadCodec.encode(SampleBatch.of(0, 1000, AccelRange.G4, xyz));
        assertEquals(SampleCoding.RICE, payload[7]);
    }

    @Test
    void sampleBatch_riceParameterOver13_isBadPayload() {
        byte[] payload = withCoding(Samples.restingBatch(20), SampleCoding.RICE);
        // The x parameter is bits 36..39: the high nibble of sample byte 4.
        int p = PayloadCodec.SAMPLE_HEADER_SIZE + 4;
        payload[p] = (byte) (payload[p] & 0x0F | 14 << 4);
        PayloadResult r = PayloadCodec.decode(MessageType.SAMPLE_BATCH, payload, 0, payload.length);
        assertTrue(((PayloadResult.Malformed) r).detail().contains("rice parameter 14 of axis x out of 0..13"), r.toString());
    }

    @Test
    void sampleBatch_riceTruncated_isBadPayload() {
        byte[] payload = withCoding(Samples.restingBatch(40), SampleCoding.RICE);
        for (int cut = 1; cut < payload.length - PayloadCodec.SAMPLE_HEADER_SIZE; cut++) {
            PayloadResult r = PayloadCodec.decode(MessageType.SAMPLE_BATCH, payload, 0, payload.length - cut);
            assertTrue(r instanceof PayloadResult.Malformed, "cut " + cut + ": " + r);
        }
    }

    @Test
    void sampleBatch_riceRunOfZerosLongerThanAnyValue_isBadPayload() {
        // k = 0 on x and then only zero bits: a quotient beyond 8190 can never be a 12-bit difference.
        byte[] payload = new byte[PayloadCodec.SAMPLE_HEADER_SIZE + 1100];
        System.arraycopy(withCoding(Samples.restingBatch(2), SampleCoding.RICE), 0, payload, 0, PayloadCodec.SAMPLE_HEADER_SIZE);
        PayloadResult r = PayloadCodec.decode(MessageType.SAMPLE_BATCH, payload, 0, payload.length);
        assertTrue(((PayloadResult.Malformed) r).detail().contains("rice value of axis x at sample 1 exceeds 8190"), r.toString());
    }

    /** The batch's payload with its samples in {@code coding}, whatever the encoder would pick. */
    private static byte[] withCoding(SampleBatch b, int coding) {
        byte[] chosen = PayloadCodec.encode(b);
        byte[] out = new byte[PayloadCodec.SAMPLE_HEADER_SIZE + 4096];
        System.arraycopy(chosen, 0, out, 0, PayloadCodec.SAMPLE_HEADER_SIZE);
        out[7] = (byte) coding;
        int len = SampleCoding.write(b, coding, out, PayloadCodec.SAMPLE_HEADER_SIZE);
        return Arrays.copyOf(out, PayloadCodec.SAMPLE_HEADER_SIZE + len);
    }

    @Test
    void sampleBatch_deltaWidthOver13_isBadPayload() {
        byte[] payload = withCoding(Samples.restingBatch(20), SampleCoding.DELTA);
        payload[PayloadCodec.SAMPLE_HEADER_SIZE + 6] = 14;
        PayloadResult r = PayloadCodec.decode(MessageType.SAMPLE_BATCH, payload, 0, payload.length);
        assertTrue(((PayloadResult.Malformed) r).detail().contains("width 14"), r.toString());
    }

    @Test
    void sampleBatch_deltaRunningOutOf12BitRange_isBadPayload() {
        short[] xyz = new short[6];
        xyz[0] = 2047;
        byte[] payload = PayloadCodec.encode(SampleBatch.of(0, 1000, AccelRange.G2, xyz));
        // Force delta coding with one delta of +1 on x: 2047 + 1 leaves the 12-bit range.
        byte[] forged = Arrays.copyOf(payload, PayloadCodec.SAMPLE_HEADER_SIZE + 6 + 3 * 2);
        forged[7] = SampleCoding.DELTA;
        int p = PayloadCodec.SAMPLE_HEADER_SIZE;
        forged[p] = (byte) 0xFF;
        forged[p + 1] = 0x07;
        Arrays.fill(forged, p + 2, p + 6, (byte) 0);
        forged[p + 6] = 2; // x block: width 2
        forged[p + 7] = 2; // zigzag 2 = +1
        forged[p + 8] = 0; // y block: width 0
        forged[p + 9] = 0; // z block: width 0
        PayloadResult r = PayloadCodec.decode(MessageType.SAMPLE_BATCH, forged, 0, PayloadCodec.SAMPLE_HEADER_SIZE + 10);
        assertEquals("SAMPLE_BATCH: sample 1 axis x = 2048 out of the 12-bit range -2048..2047",
                ((PayloadResult.Malformed) r).detail());
    }

    @Test
    void sampleBatch_deltaZeroWidthBlockThreeBytesBeforeTheArrayEnd_decodes() {
        // First sample (1, 2, 3), then x +1 and y, z unchanged: the y block is one width byte 0 with
        // exactly three bytes after it in the array, where a four-byte read would run past the end.
        byte[] payload = new byte[PayloadCodec.SAMPLE_HEADER_SIZE + 6 + 3 + 3];
        payload[4] = (byte) 0xE8; // 1000 centi-Hz
        payload[5] = 0x03;
        payload[6] = (byte) AccelRange.G4.code();
        payload[7] = SampleCoding.DELTA;
        payload[8] = 2;
        int p = PayloadCodec.SAMPLE_HEADER_SIZE;
        payload[p] = 1;
        payload[p + 2] = 2;
        payload[p + 4] = 3;
        payload[p + 6] = 2; // x block: width 2
        payload[p + 7] = 2; // zigzag 2 = +1
        payload[p + 8] = 0; // y block: width 0
        payload[p + 9] = 0; // z block: width 0
        PayloadResult r = PayloadCodec.decode(MessageType.SAMPLE_BATCH, payload, 0, p + 10);
        assertEquals(SampleBatch.of(0, 1000, AccelRange.G4, new short[] {1, 2, 3, 2, 2, 3}),
                ((PayloadResult.Ok) r).message());
    }

    @Test
    void sampleBatch_moreSamplesThanTheMaximum_isBadPayload() {
        byte[] payload = PayloadCodec.encode(Samples.restingBatch(1));
        payload[8] = (byte) 50;
        PayloadResult r = PayloadCodec.decode(MessageType.SAMPLE_BATCH, payload, 0, payload.length);
        assertTrue(((PayloadResult.Malformed) r).detail().contains("50 out of 0..49"), r.toString());
    }

    @Test
    void event_unknownKind_namesTheAllowedKinds() {
        byte[] payload = PayloadCodec.encode(Samples.everyType().get(3));
        payload[0] = 9;
        PayloadResult r = PayloadCodec.decode(MessageType.EVENT, payload, 0, payload.length);
        assertTrue(((PayloadResult.Malformed) r).detail().contains("kind 9 not one of 1 (impact)"), r.toString());
    }

    @Test
    void config_valueOutOfRange_namesTheField() {
        byte[] payload = PayloadCodec.encode(Samples.everyType().get(6));
        payload[0] = 5;
        payload[1] = 0;
        PayloadResult r = PayloadCodec.decode(MessageType.CONFIG, payload, 0, payload.length);
        assertTrue(((PayloadResult.Malformed) r).detail().contains("sampleRateCentiHz out of 100..10000: 5"), r.toString());
    }

    @Test
    void activitySummary_maximumIntervals_roundTrip() {
        ActivitySummary a = ActivitySummary.of(0, 60, IntStream.range(0, ActivitySummary.MAX_INTERVALS)
                .mapToObj(i -> ActivitySummary.Interval.of(i, i, i, i, i)).toList());
        byte[] payload = PayloadCodec.encode(a);
        assertEquals(7 + 10 * 22, payload.length);
        assertEquals(new PayloadResult.Ok(a), PayloadCodec.decode(MessageType.ACTIVITY_SUMMARY, payload, 0, payload.length));
    }

    @Test
    void firmwareReply_goesThroughTheFirmwarePayloadCodec() {
        Message m = FirmwareReply.NextOffset.of(ImageId.of(0x0123456789ABCDEFL), 4096);
        byte[] payload = PayloadCodec.encode(m);
        assertEquals(new PayloadResult.Ok(m), PayloadCodec.decode(MessageType.FIRMWARE_REPLY, payload, 0, payload.length));
        payload[0] = 0x7F;
        PayloadResult r = PayloadCodec.decode(MessageType.FIRMWARE_REPLY, payload, 0, payload.length);
        assertEquals(RejectReason.BAD_PAYLOAD, assertInstanceOf(PayloadResult.Malformed.class, r).reason());
    }

    @Test
    void firmwareTypes_badOperation_isBadPayload() {
        for (MessageType t : List.of(MessageType.FIRMWARE_COMMAND, MessageType.FIRMWARE_REPLY)) {
            PayloadResult r = PayloadCodec.decode(t, new byte[] {0x7F, 0, 0, 0}, 0, 4);
            assertEquals(RejectReason.BAD_PAYLOAD, ((PayloadResult.Malformed) r).reason());
        }
    }

    @Test
    void firmwareChunk_atAnOffsetInABuffer_roundTrips() {
        FirmwareCommand.Chunk c = FirmwareCommand.Chunk.of(ImageId.of(7), 384, new byte[] {9, 8, 7});
        byte[] buf = new byte[40];
        int len = PayloadCodec.encode(c, buf, 5);
        assertEquals(new PayloadResult.Ok(c), PayloadCodec.decode(MessageType.FIRMWARE_COMMAND, buf, 5, len));
    }
}
