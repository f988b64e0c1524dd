package io.herdgate.protocol.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeframerTest {

    private static final RadioUplink UPLINK = RadioUplink.of(3, -101, -12, 98_765,
            RadioFrame.of(new byte[] {0x40, 0, 0x11, 0x22, 0, 0, 0x33}));
    private static final DongleStatus STATUS = DongleStatus.of(60_000, 12, 1);
    private static final TxDone TX_DONE = TxDone.of(TxTag.of(7), TxOutcome.CHANNEL_BUSY, 61_000);

    private final Enframer enframer = Enframer.create();

    @Test
    void feed_threeRecordsInOneChunk_yieldsThemInOrder() {
        byte[] stream = concat(line(UPLINK), line(STATUS), line(TX_DONE));
        assertEquals(List.of(accepted(UPLINK), accepted(STATUS), accepted(TX_DONE)), deframe(stream));
    }

    @Test
    void feed_splitAtEveryByteBoundary_yieldsTheSameRecords() {
        byte[] stream = concat(line(UPLINK), line(STATUS), line(TX_DONE));
        for (int a = 0; a <= stream.length; a++) {
            for (int b = a; b <= stream.length; b++) {
                Deframer deframer = Deframer.create();
                List<Deframed> out = new ArrayList<>();
                deframer.feed(stream, 0, a, out::add);
                deframer.feed(stream, a, b - a, out::add);
                deframer.feed(stream, b, stream.length - b, out::add);
                assertEquals(List.of(accepted(UPLINK), accepted(STATUS), accepted(TX_DONE)), out,
                        "split at " + a + " and " + b);
            }
        }
    }

    @Test
    void feed_oneByteAtATime_yieldsTheSameRecords() {
        byte[] stream = concat(line(UPLINK), line(STATUS));
        Deframer deframer = Deframer.create();
        List<Deframed> out = new ArrayList<>();
        for (byte b : stream) {
            deframer.feed(new byte[] {b}, out::add);
        }
        assertEquals(List.of(accepted(UPLINK), accepted(STATUS)), out);
    }

    @Test
    void feed_idleDelimitersBetweenRecords_areIgnored() {
        byte[] stream = concat(new byte[] {0, 0}, line(UPLINK), new byte[] {0, 0, 0}, line(STATUS));
        Deframer deframer = Deframer.create();
        List<Deframed> out = new ArrayList<>();
        deframer.feed(stream, out::add);
        assertEquals(List.of(accepted(UPLINK), accepted(STATUS)), out);
        assertEquals(0, deframer.counters().rejectedTotal());
    }

    @Test
    void feed_noiseBetweenRecords_isRejectedOnceAndTheNextRecordSurvives() {
        byte[] noise = {0x13, 0x37, (byte) 0xFE, 0x01, 0x44, 0};
        byte[] stream = concat(line(UPLINK), noise, line(STATUS));
        List<Deframed> out = deframe(stream);
        assertEquals(3, out.size());
        assertEquals(accepted(UPLINK), out.get(0));
        Deframed.Rejected rejected = assertInstanceOf(Deframed.Rejected.class, out.get(1));
        assertEquals(line(UPLINK).length, rejected.streamOffset());
        assertEquals(5, rejected.encodedLength());
        assertEquals(accepted(STATUS), out.get(2));
    }

    @Test
    void feed_noiseAtStartWithoutDelimiter_costsOnlyTheFirstRecord() {
        // A port opened mid-stream: the tail of an earlier record runs into the first full one.
        byte[] stream = concat(new byte[] {0x22, 0x09}, line(UPLINK), line(STATUS));
        List<Deframed> out = deframe(stream);
        assertEquals(2, out.size());
        assertInstanceOf(Deframed.Rejected.class, out.get(0));
        assertEquals(accepted(STATUS), out.get(1));
    }

    @Test
    void feed_flippedBitInsideRecord_isRejectedAsBadCrcOrCobs() {
        byte[] good = line(UPLINK);
        for (int i = 0; i < good.length - 1; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << bit);
                List<Deframed> out = deframe(concat(bad, line(STATUS)));
                assertEquals(accepted(STATUS), out.get(out.size() - 1), "byte " + i + " bit " + bit);
                assertTrue(out.subList(0, out.size() - 1).stream().allMatch(d -> d instanceof Deframed.Rejected),
                        "a damaged record was accepted: byte " + i + " bit " + bit);
            }
        }
    }

    @Test
    void feed_lostDelimiter_dropsTheMergedPairAndResyncs() {
        byte[] first = line(UPLINK);
        byte[] merged = java.util.Arrays.copyOf(first, first.length - 1);
        List<Deframed> out = deframe(concat(merged, line(STATUS), line(TX_DONE)));
        assertEquals(2, out.size());
        Deframed.Rejected rejected = assertInstanceOf(Deframed.Rejected.class, out.get(0));
        assertTrue(rejected.reason() == Rejection.BAD_CRC || rejected.reason() == Rejection.BAD_COBS,
                rejected.toString());
        assertEquals(accepted(TX_DONE), out.get(1));
    }

    @Test
    void feed_largestRecord_isAccepted() {
        RadioUplink largest = RadioUplink.of(1, -50, 20, 1, RadioFrame.of(pattern(SerialLimits.MAX_RADIO_FRAME)));
        assertEquals(List.of(accepted(largest)), deframe(line(largest)));
    }

    @Test
    void feed_oneByteOverMaximum_isRejectedAsOversizeAndTheNextRecordSurvives() {
        byte[] tooLong = new byte[SerialLimits.MAX_ENCODED + 1];
        java.util.Arrays.fill(tooLong, (byte) 0x77);
        Deframer deframer = Deframer.create();
        List<Deframed> out = new ArrayList<>();
        deframer.feed(concat(tooLong, new byte[] {0}, line(STATUS)), out::add);
        assertEquals(List.of(Deframed.Rejected.of(Rejection.OVERSIZE, 0, tooLong.length), accepted(STATUS)), out);
        assertEquals(1, deframer.counters().rejected(Rejection.OVERSIZE));
    }

    @Test
    void feed_megabyteWithoutDelimiter_staysBoundedAndReportsOnce() {
        Deframer deframer = Deframer.create();
        List<Deframed> out = new ArrayList<>();
        byte[] chunk = pattern(4096);
        for (int i = 0; i < 256; i++) {
            deframer.feed(chunk, out::add);
        }
        assertEquals(List.of(), out);
        assertEquals(256L * 4096, deframer.pending());
        deframer.feed(new byte[] {0}, out::add);
        assertEquals(List.of(Deframed.Rejected.of(Rejection.OVERSIZE, 0, 256L * 4096)), out);
        assertEquals(0, deframer.pending());
    }

    @Test
    void feed_frameOverRadioMaximumInDownlink_isRejectedAsBadLength() {
        // A downlink header is 3 bytes shorter than an uplink one, so the line could carry 258 frame bytes.
        byte[] raw = new byte[RecordCodec.DOWNLINK_HEADER + SerialLimits.MAX_RADIO_FRAME + 1];
        java.util.Arrays.fill(raw, (byte) 0x21);
        raw[0] = (byte) RecordKind.RADIO_DOWNLINK.code();
        assertEquals(Rejection.BAD_LENGTH, rejectionOf(raw));
    }

    @Test
    void feed_recordsWithBadHeaders_areRejectedWithTheirReason() {
        assertEquals(Rejection.UNKNOWN_KIND, rejectionOf(new byte[] {0x09, 1, 2, 3}));
        assertEquals(Rejection.UNKNOWN_KIND, rejectionOf(new byte[] {0x00, 1, 2, 3}));
        assertEquals(Rejection.TOO_SHORT, rejectionOf(new byte[] {0x01, 1, 2, 3, 4, 5, 6, 7}));
        assertEquals(Rejection.TOO_SHORT, rejectionOf(new byte[] {0x03, 1, 2, 3}));
        assertEquals(Rejection.BAD_LENGTH, rejectionOf(new byte[] {0x04, 1, 0, 0, 1, 2, 3, 4, 9}));
        assertEquals(Rejection.BAD_FIELD, rejectionOf(new byte[] {0x04, 1, 0, 9, 1, 2, 3, 4}));
        assertEquals(Rejection.TOO_SHORT, deframeOne(new byte[] {0x04, 0x01, 0x02, 0x03, 0}));
        assertEquals(Rejection.BAD_COBS, deframeOne(new byte[] {0x09, 0x01, 0x02, 0}));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20_261_121})
    void feed_randomRecordsInRandomChunks_roundTrip(long seed) {
        Random random = new Random(seed);
        List<Deframed> expected = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 500; i++) {
            DongleRecord record = RandomRecords.next(random);
            expected.add(accepted(record));
            stream.writeBytes(line(record));
        }
        byte[] bytes = stream.toByteArray();
        Deframer deframer = Deframer.create();
        List<Deframed> out = new ArrayList<>();
        for (int off = 0; off < bytes.length; ) {
            int len = Math.min(bytes.length - off, random.nextInt(600));
            deframer.feed(bytes, off, len, out::add);
            off += len;
        }
        assertEquals(expected, out);
        DeframerCounters counters = deframer.counters();
        assertEquals(bytes.length, counters.bytes());
        assertEquals(500, counters.accepted());
        assertEquals(0, counters.rejectedTotal());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void feed_garbageStream_neverAcceptsAndCountersAddUp(long seed) {
        Random random = new Random(seed);
        byte[] garbage = new byte[200_000];
        random.nextBytes(garbage);
        Deframer deframer = Deframer.create();
        List<Deframed> out = new ArrayList<>();
        deframer.feed(garbage, out::add);
        long segments = countNonEmptySegments(garbage);
        DeframerCounters counters = deframer.counters();
        assertEquals(segments, out.size());
        assertEquals(segments, counters.accepted() + counters.rejectedTotal());
        assertEquals(garbage.length, counters.bytes());
        // A random segment passes CRC-32C with odds 2^-32; with under 1000 segments none should.
        assertEquals(0, counters.accepted());
    }

    @Test
    void feed_garbageThenRecords_recoversAfterFirstDelimiter() {
        Random random = new Random(5);
        byte[] garbage = new byte[5000];
        random.nextBytes(garbage);
        List<Deframed> out = deframe(concat(garbage, new byte[] {0}, line(UPLINK), line(STATUS)));
        assertEquals(List.of(accepted(UPLINK), accepted(STATUS)), out.subList(out.size() - 2, out.size()));
    }

    private static long countNonEmptySegments(byte[] stream) {
        long count = 0;
        int run = 0;
        for (byte b : stream) {
            if (b == 0) {
                count += run > 0 ? 1 : 0;
                run = 0;
            } else {
                run++;
            }
        }
        return count;
    }

    /** Wraps raw record bytes in a valid CRC and COBS, deframes them, and returns the single rejection. */
    private static Rejection rejectionOf(byte[] raw) {
        byte[] body = java.util.Arrays.copyOf(raw, raw.length + 4);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(raw);
        RecordCodec.putU32(body, raw.length, crc.getValue());
        byte[] lineBytes = new byte[Cobs.maxEncodedLength(body.length) + 1];
        int n = Cobs.encode(body, 0, body.length, lineBytes, 0);
        return deframeOne(java.util.Arrays.copyOf(lineBytes, n + 1));
    }

    private static Rejection deframeOne(byte[] lineBytes) {
        List<Deframed> out = deframe(lineBytes);
        assertEquals(1, out.size());
        return assertInstanceOf(Deframed.Rejected.class, out.get(0)).reason();
    }

    private static List<Deframed> deframe(byte[] stream) {
        List<Deframed> out = new ArrayList<>();
        Deframer.create().feed(stream, out::add);
        return out;
    }

    private byte[] line(DongleRecord record) {
        return enframer.enframe(record);
    }

    private static Deframed accepted(DongleRecord record) {
        return Deframed.Accepted.of(record);
    }

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
            if (b[i] == 0) {
                b[i] = 1;
            }
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
