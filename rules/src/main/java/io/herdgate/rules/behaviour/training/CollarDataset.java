package io.herdgate.rules.behaviour.training;

import io.herdgate.rules.behaviour.Behaviour;
import io.herdgate.rules.feature.FeatureExtractor;
import io.herdgate.rules.feature.FeatureSettings;
import io.herdgate.rules.feature.SampleRate;
import io.herdgate.rules.feature.Unit;
import io.herdgate.rules.feature.WindowFeatures;
import io.herdgate.rules.series.CowId;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the collar_10hz behaviour data set ({@code index.csv} with {@code file,cow,label,...}; one
 * {@code t_s,ax,ay,az} file per bout, m/s², 10 Hz) and cuts every bout into windows of its own: windows
 * never span two bouts, and a trailing part shorter than half a window is dropped.
 */
public final class CollarDataset {

    /** Sample rate of the data set, Hz. */
    public static final double RATE_HZ = 10.0;

    private CollarDataset() {
    }

    /** All windows of all bouts under {@code dir}, in index order. */
    public static List<LabelledWindow> windows(Path dir, double windowS) {
        Path index = dir.resolve("index.csv");
        List<LabelledWindow> out = new ArrayList<>();
        List<String> lines = readLines(index);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length < 3) {
                throw new DatasetException(index + ":" + (i + 1) + ": expected file,cow,label,..., got '"
                        + lines.get(i) + "'");
            }
            CowId cow = CowId.of(f[1]);
            Behaviour behaviour = Behaviour.ofDatasetLabel(f[2]);
            FeatureExtractor ex = FeatureExtractor.of(
                    FeatureSettings.of(SampleRate.ofHz(RATE_HZ), Unit.MS2, windowS));
            readBout(dir.resolve(f[0]), ex, w -> out.add(LabelledWindow.of(cow, f[0], behaviour, w)));
        }
        return List.copyOf(out);
    }

    private static void readBout(Path file, FeatureExtractor ex,
                                 Consumer<WindowFeatures> sink) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("t_s,ax,ay,az")) {
                throw new DatasetException(file + ":1: expected header t_s,ax,ay,az, got '" + header + "'");
            }
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                String[] v = line.split(",", -1);
                try {
                    ex.add(Double.parseDouble(v[1]), Double.parseDouble(v[2]), Double.parseDouble(v[3]))
                            .ifPresent(sink);
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new DatasetException(file + ":" + n + ": expected t_s,ax,ay,az numbers, got '" + line
                            + "'", e);
                }
            }
            ex.flush().ifPresent(sink);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
