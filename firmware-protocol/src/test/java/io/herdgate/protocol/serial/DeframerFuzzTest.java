package io.herdgate.protocol.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fuzz tests of the serial link. In a plain {@code mvn test} they replay the committed seeds under
 * {@code src/test/resources/.../DeframerFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} one of them fuzzes
 * (see {@code firmware-protocol/FUZZING.md}).
 */
class DeframerFuzzTest {

    /**
     * Any byte stream, cut into chunks of pseudo-random size (first input byte seeds the cutting): the
     * deframer never throws, emits one result per non-empty segment, every accepted record re-encodes to
     * exactly its segment, every rejection names its segment, and the counters add up.
     */
    @FuzzTest(maxDuration = "2h")
    void deframe_anyStreamInAnyChunks_keepsItsInvariants(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Random cuts = new Random(input[0]);
        byte[] stream = Arrays.copyOfRange(input, 1, input.length);
        Deframer deframer = Deframer.create();
        List<Deframed> results = new ArrayList<>();
        for (int off = 0; off < stream.length; ) {
            int len = Math.min(stream.length - off, cuts.nextInt(2 * SerialLimits.MAX_ON_LINE));
            deframer.feed(stream, off, len, results::add);
            off += len;
        }

        List<long[]> segments = segments(stream); // {offset, length}
        assertEquals(segments.size(), results.size(), "one result per non-empty segment");
        Enframer enframer = Enframer.create();
        Map<Rejection, Long> byReason = new EnumMap<>(Rejection.class);
        long accepted = 0;
        for (int i = 0; i < results.size(); i++) {
            long offset = segments.get(i)[0];
            int length = (int) segments.get(i)[1];
            Deframed result = results.get(i);
            if (result instanceof Deframed.Accepted a) {
                accepted++;
                byte[] line = Arrays.copyOfRange(stream, (int) offset, (int) offset + length + 1);
                assertArrayEquals(line, enframer.enframe(a.record()), "re-encoding of segment " + i);
            } else {
                Deframed.Rejected r = (Deframed.Rejected) result;
                byReason.merge(r.reason(), 1L, Long::sum);
                assertEquals(offset, r.streamOffset(), "offset of rejected segment " + i);
                assertEquals(length, r.encodedLength(), "length of rejected segment " + i);
                assertEquals(length > SerialLimits.MAX_ENCODED, r.reason() == Rejection.OVERSIZE,
                        "oversize exactly when over " + SerialLimits.MAX_ENCODED + " bytes");
            }
        }
        DeframerCounters counters = deframer.counters();
        assertEquals(stream.length, counters.bytes());
        assertEquals(accepted, counters.accepted());
        for (Rejection reason : Rejection.values()) {
            assertEquals(byReason.getOrDefault(reason, 0L), counters.rejected(reason), reason.name());
        }
        int lastZero = lastIndexOfZero(stream);
        assertEquals(stream.length - 1 - lastZero, deframer.pending(), "bytes after the last delimiter");
    }

    /** Any bytes COBS accepts re-encode to themselves (decoding accepts only the canonical form). */
    @FuzzTest(maxDuration = "2h")
    void cobs_anyDecodableBlock_reencodesToItself(byte[] input) {
        byte[] decoded = new byte[Math.max(0, input.length - 1)];
        int n = Cobs.decode(input, 0, input.length, decoded, 0);
        if (n < 0) {
            return;
        }
        byte[] encoded = new byte[Cobs.maxEncodedLength(n)];
        int m = Cobs.encode(decoded, 0, n, encoded, 0);
        assertArrayEquals(input, Arrays.copyOf(encoded, m));
    }

    /** Any valid record, enframed with noise around it and deframed in random chunks, comes back equal. */
    @FuzzTest(maxDuration = "2h")
    void enframe_anyRecordAmidNoise_deframesToTheSameRecord(FuzzedDataProvider data) {
        DongleRecord record = record(data);
        byte[] noise = data.consumeBytes(64);
        byte[] line = Enframer.create().enframe(record);
        assertTrue(line.length <= SerialLimits.MAX_ON_LINE, "line length " + line.length);
        byte[] stream = new byte[noise.length + 1 + line.length];
        System.arraycopy(noise, 0, stream, 0, noise.length);
        System.arraycopy(line, 0, stream, noise.length + 1, line.length);

        Deframer deframer = Deframer.create();
        List<Deframed> results = new ArrayList<>();
        int chunk = 1 + data.consumeInt(0, SerialLimits.MAX_ON_LINE);
        for (int off = 0; off < stream.length; off += chunk) {
            deframer.feed(stream, off, Math.min(chunk, stream.length - off), results::add);
        }
        assertEquals(Deframed.Accepted.of(record), results.get(results.size() - 1));
    }

    private static DongleRecord record(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> RadioUplink.of(data.consumeInt(0, 255), data.consumeByte(), data.consumeByte(),
                    data.consumeLong(0, 0xFFFF_FFFFL), frame(data));
            case 1 -> RadioDownlink.of(TxTag.of(data.consumeInt(0, 0xFFFF)), data.consumeInt(0, 255),
                    data.consumeByte(), frame(data));
            case 2 -> DongleStatus.of(data.consumeLong(0, 0xFFFF_FFFFL), data.consumeLong(0, 0xFFFF_FFFFL),
                    data.consumeLong(0, 0xFFFF_FFFFL));
            default -> TxDone.of(TxTag.of(data.consumeInt(0, 0xFFFF)), data.pickValue(TxOutcome.values()),
                    data.consumeLong(0, 0xFFFF_FFFFL));
        };
    }

    private static RadioFrame frame(FuzzedDataProvider data) {
        byte[] bytes = data.consumeBytes(SerialLimits.MAX_RADIO_FRAME);
        return RadioFrame.of(bytes.length == 0 ? new byte[] {0} : bytes);
    }

    private static List<long[]> segments(byte[] stream) {
        List<long[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < stream.length; i++) {
            if (stream[i] == 0) {
                if (i > start) {
                    out.add(new long[] {start, i - start});
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static int lastIndexOfZero(byte[] stream) {
        for (int i = stream.length - 1; i >= 0; i--) {
            if (stream[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
