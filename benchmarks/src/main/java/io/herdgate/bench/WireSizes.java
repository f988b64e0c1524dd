package io.herdgate.bench;

import io.herdgate.sim.motion.Behaviour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints bytes per sample of collar traffic: binary frames on air (header, payload, MIC), the same frames
 * on the dongle's serial link, and the codec's JSON form; for simulated cows and, given the folder of the
 * 10 Hz collar recordings ({@code data/behaviour/collar_10hz}), for recorded ones. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.herdgate.bench.WireSizes [collar_10hz folder]}.
 */
public final class WireSizes {

    private static final double STANDARD_GRAVITY = 9.80665;

    private WireSizes() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("source               batch  frames/batch  batches  binary B/sample  serial B/sample"
                + "  JSON B/sample  JSON/binary");
        for (Behaviour behaviour : new Behaviour[] {Behaviour.LYING, Behaviour.RUMINATING, Behaviour.GRAZING,
                Behaviour.WALKING}) {
            for (int seconds : new int[] {10, 60}) {
                print("simulated " + behaviour.name().toLowerCase(java.util.Locale.ROOT), seconds,
                        CollarTraffic.of(60, seconds, behaviour, true, 42));
            }
        }
        if (args.length > 0) {
            for (Map.Entry<String, List<float[]>> label : recordings(Path.of(args[0])).entrySet()) {
                for (int seconds : new int[] {10, 60}) {
                    print("recorded " + label.getKey(), seconds, CollarTraffic.of(seconds,
                            batches(label.getValue(), seconds), true));
                }
            }
        }
    }

    private static void print(String source, int seconds, CollarTraffic t) {
        if (t.batches() == 0) {
            return;
        }
        double samples = (double) t.batches() * t.samplesPerBatch;
        double binary = CollarTraffic.totalBytes(t.frames) / samples;
        double serial = CollarTraffic.totalBytes(t.lines) / samples;
        double json = CollarTraffic.totalBytes(t.json) / samples;
        System.out.printf("%-19s  %3d s  %12d  %7d  %15.2f  %15.2f  %13.2f  %10.1fx%n", source, seconds,
                t.framesPerBatch, t.batches(), binary, serial, json, json / binary);
    }

    /** Whole batches cut from each bout in turn (a bout's remainder is dropped, never joined to the next). */
    private static CollarTraffic.Source batches(List<float[]> bouts, int seconds) {
        int n = 3 * seconds * CollarTraffic.RATE_CENTI_HZ / 100;
        int[] at = {0, 0}; // bout, offset
        return g -> {
            while (at[0] < bouts.size() && at[1] + n > bouts.get(at[0]).length) {
                at[0]++;
                at[1] = 0;
            }
            if (at[0] == bouts.size()) {
                return false;
            }
            System.arraycopy(bouts.get(at[0]), at[1], g, 0, n);
            at[1] += n;
            return true;
        };
    }

    /** Bouts by label, each as interleaved x, y, z in g, read from {@code index.csv} and its bout files. */
    private static Map<String, List<float[]>> recordings(Path dir) throws IOException {
        Map<String, List<float[]>> byLabel = new TreeMap<>();
        List<String> index = Files.readAllLines(dir.resolve("index.csv"));
        for (String row : index.subList(1, index.size())) {
            String[] f = row.split(",");
            byLabel.computeIfAbsent(f[2].toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                    .add(bout(dir.resolve(f[0])));
        }
        return byLabel;
    }

    private static float[] bout(Path file) {
        try {
            List<String> rows = Files.readAllLines(file);
            float[] g = new float[3 * (rows.size() - 1)];
            for (int i = 1; i < rows.size(); i++) {
                String[] f = rows.get(i).split(",");
                for (int axis = 0; axis < 3; axis++) {
                    g[3 * (i - 1) + axis] = (float) (Double.parseDouble(f[1 + axis]) / STANDARD_GRAVITY);
                }
            }
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
