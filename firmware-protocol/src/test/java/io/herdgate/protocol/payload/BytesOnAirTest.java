package io.herdgate.protocol.payload;

import io.herdgate.testing.SharedData;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.protocol.Samples;
import io.herdgate.protocol.codec.FrameCodec;
import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.json.MessageJson;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.SampleBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bytes on air per sample of real 10 Hz collar recordings (shared data set, section 3 of its README),
 * sent as sample-batch frames of the default configuration (40 samples, ±4 g) against the JSON form of
 * the same batches. Prints the table quoted in PROTOCOL.md ("Sample coding").
 */
class BytesOnAirTest {

    private static final int BATCH = CollarConfig.defaults().batchSeconds() * 10;
    private static final double COUNTS_PER_MS2 = 512 / 9.80665;

    private static Path recordings() {
        return SharedData.dir("behaviour/collar_10hz");
    }

    @Test
    void frames_ofRealRecordings_takeAtLeastFourTimesFewerBytesThanJson() throws IOException {
        Map<String, long[]> byLabel = new TreeMap<>(); // label -> {samples, frame bytes, json bytes, rice frames}
        FrameCodec codec = FrameCodec.of(Samples.EUI, Samples.KEYS);
        List<Path> files;
        try (Stream<Path> s = Files.walk(recordings())) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d+_[A-Za-z]+\\.csv")).sorted().toList();
        }
        for (Path f : files) {
            String label = f.getFileName().toString().replaceAll("^\\d+_|\\.csv$", "");
            List<short[]> samples = read(f);
            long[] acc = byLabel.computeIfAbsent(label, k -> new long[4]);
            for (int start = 0; start + BATCH <= samples.size(); start += BATCH) {
                short[] xyz = new short[3 * BATCH];
                for (int i = 0; i < BATCH; i++) {
                    System.arraycopy(samples.get(start + i), 0, xyz, 3 * i, 3);
                }
                SampleBatch batch = SampleBatch.of(0, 1000, AccelRange.G4, xyz);
                byte[] frame = codec.encode(batch, 1, FrameOptions.PLAIN);
                acc[0] += BATCH;
                acc[1] += frame.length;
                acc[2] += MessageJson.write(batch).getBytes(StandardCharsets.UTF_8).length;
                acc[3] += frame[17 + 7] == SampleCoding.RICE ? 1 : 0;
            }
        }
        long[] total = new long[4];
        System.out.println("| behaviour | samples | frame B/sample | JSON B/sample | JSON / frame | rice-coded batches |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, long[]> e : byLabel.entrySet()) {
            long[] a = e.getValue();
            if (a[0] == 0) {
                continue;
            }
            row(e.getKey(), a);
            for (int i = 0; i < 4; i++) {
                total[i] += a[i];
            }
        }
        row("all", total);
        assertTrue(total[0] > 100_000, "too few samples read: " + total[0]);
        assertTrue(total[2] >= 4 * total[1], "JSON only " + (double) total[2] / total[1] + "x the frame bytes");
    }

    private static void row(String label, long[] a) {
        System.out.println(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1fx | %d%% |", label, a[0],
                (double) a[1] / a[0], (double) a[2] / a[0], (double) a[2] / a[1], 100 * a[3] * BATCH / a[0]));
    }

    /** Samples of one file as counts at ±4 g, clamped to 12 bits. */
    private static List<short[]> read(Path f) throws IOException {
        List<short[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(f);
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            short[] s = new short[3];
            for (int axis = 0; axis < 3; axis++) {
                long c = Math.round(Double.parseDouble(v[1 + axis]) * COUNTS_PER_MS2);
                s[axis] = (short) Math.max(SampleBatch.MIN_COUNT, Math.min(SampleBatch.MAX_COUNT, c));
            }
            out.add(s);
        }
        return out;
    }
}
