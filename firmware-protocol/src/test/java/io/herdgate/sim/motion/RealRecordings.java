package io.herdgate.sim.motion;

import io.herdgate.testing.SharedData;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled 10 Hz collar recordings of the shared data set ({@code data/behaviour/collar_10hz}, m/s²),
 * cut into non-overlapping windows per label. Read at run time from the folder named by the system
 * property {@code herdgate.shared}; never copied into the repository.
 */
final class RealRecordings {

    static final double RATE_HZ = 10;

    /** The labels compared, with the simulated behaviours that stand for them. */
    enum Label {
        RESTING("Resting"), STANDING("Standing"), GRAZING("Grazing"), WALKING("Walking");

        final String csv;

        Label(String csv) {
            this.csv = csv;
        }
    }

    private RealRecordings() {
    }

    /** The recordings folder; fails when missing and env CI is set, skips the test otherwise. */
    static Path folder() {
        return SharedData.file("behaviour/collar_10hz/index.csv").getParent();
    }

    /** Window features per label, windows of {@code windowSamples} samples that fit inside one bout. */
    static Map<Label, List<WindowFeatures>> windows(Path dir, int windowSamples) {
        Map<Label, List<WindowFeatures>> out = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            out.put(l, new ArrayList<>());
        }
        List<String> index = lines(dir.resolve("index.csv"));
        for (int ln = 1; ln < index.size(); ln++) {
            String[] f = index.get(ln).split(",", -1);
            if (f.length < 3) {
                throw new IllegalStateException("index.csv:" + (ln + 1) + ": expected file,cow,label,... got '"
                        + index.get(ln) + "'");
            }
            for (Label l : Label.values()) {
                if (l.csv.equals(f[2])) {
                    double[] xyz = samples(dir.resolve(f[0]));
                    int n = xyz.length / 3;
                    for (int s = 0; s + windowSamples <= n; s += windowSamples) {
                        out.get(l).add(WindowFeatures.of(xyz, s, windowSamples, RATE_HZ));
                    }
                }
            }
        }
        return out;
    }

    private static double[] samples(Path file) {
        List<String> rows = lines(file);
        double[] xyz = new double[3 * (rows.size() - 1)];
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",", -1);
            try {
                for (int a = 0; a < 3; a++) {
                    xyz[3 * (i - 1) + a] = Double.parseDouble(f[a + 1]);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(file.getFileName() + ":" + (i + 1)
                        + ": expected t_s,ax,ay,az numbers, got '" + rows.get(i) + "'", e);
            }
        }
        return xyz;
    }

    /** The lines of a UTF-8 text file; an unreadable file is an {@link UncheckedIOException} naming it. */
    static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
