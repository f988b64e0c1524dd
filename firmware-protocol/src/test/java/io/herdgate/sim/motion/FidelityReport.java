package io.herdgate.sim.motion;

import io.herdgate.sim.motion.RealRecordings.Label;
import io.herdgate.sim.motion.WindowFeatures.Feature;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares 10-s window features of real and simulated collars per behaviour. Run {@link #main} to print
 * the table that {@code SIMULATOR.md} shows; {@link MotionFidelityTest} asserts on the same numbers.
 */
public final class FidelityReport {

    static final int WINDOW = 100; // 10 s at 10 Hz
    static final double G = 9.80665;
    static final int COWS = 40;
    static final int WINDOWS_PER_COW = 15;

    final Map<Label, List<WindowFeatures>> real;
    final Map<Label, List<WindowFeatures>> sim;

    private FidelityReport(Map<Label, List<WindowFeatures>> real, Map<Label, List<WindowFeatures>> sim) {
        this.real = real;
        this.sim = sim;
    }

    static FidelityReport of(Path recordings) {
        return new FidelityReport(RealRecordings.windows(recordings, WINDOW), simulated());
    }

    /**
     * Simulated windows: {@value #COWS} cows (seeds 1..), each rendering every behaviour for
     * {@value #WINDOWS_PER_COW} windows after 5 s of settling; "resting" is half lying, half ruminating.
     */
    static Map<Label, List<WindowFeatures>> simulated() {
        Map<Label, List<WindowFeatures>> out = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            out.put(l, new ArrayList<>());
        }
        float[] buf = new float[3 * WINDOW];
        double[] xyz = new double[3 * WINDOW];
        for (int cow = 1; cow <= COWS; cow++) {
            MotionSynth synth = MotionSynth.of(CowTraits.random(cow));
            for (Label l : Label.values()) {
                for (int w = 0; w < WINDOWS_PER_COW; w++) {
                    Behaviour b = switch (l) {
                        case RESTING -> w % 2 == 0 ? Behaviour.LYING : Behaviour.RUMINATING;
                        case STANDING -> Behaviour.STANDING;
                        case GRAZING -> Behaviour.GRAZING;
                        case WALKING -> Behaviour.WALKING;
                    };
                    if (w < 2 || b != synth.behaviour()) {
                        synth.startBout(b);
                        synth.fill(buf, 0, 50, 1, RealRecordings.RATE_HZ);
                    }
                    synth.fill(buf, 0, WINDOW, 1, RealRecordings.RATE_HZ);
                    for (int i = 0; i < xyz.length; i++) {
                        xyz[i] = buf[i] * G;
                    }
                    out.get(l).add(WindowFeatures.of(xyz, 0, WINDOW, RealRecordings.RATE_HZ));
                }
            }
        }
        return out;
    }

    static Distribution of(List<WindowFeatures> windows, Feature f) {
        return Distribution.of(windows.stream().mapToDouble(w -> w.get(f)).toArray());
    }

    Distribution real(Label l, Feature f) {
        return of(real.get(l), f);
    }

    Distribution sim(Label l, Feature f) {
        return of(sim.get(l), f);
    }

    /** The Markdown table: per label and feature, real and simulated p10/p50/p90 and the KS distance. */
    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| behaviour | feature | real n | real p10 / p50 / p90 | sim p10 / p50 / p90 | KS |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Label l : Label.values()) {
            for (Feature f : Feature.values()) {
                if (f == Feature.DOM_HZ && l != Label.WALKING) {
                    continue;
                }
                Distribution r = real(l, f);
                Distribution s = sim(l, f);
                sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f | %.2f |%n",
                        l.csv, f.name().toLowerCase(Locale.ROOT), r.size(), r.quantile(0.1), r.quantile(0.5),
                        r.quantile(0.9), s.quantile(0.1), s.quantile(0.5), s.quantile(0.9), r.ksDistance(s)));
            }
        }
        return sb.toString();
    }

    /** Prints the comparison table; argument: the shared folder (else the herdgate.shared property). */
    public static void main(String[] args) {
        if (args.length > 0) {
            System.setProperty("herdgate.shared", args[0]);
        }
        System.out.print(of(RealRecordings.folder()).table());
    }
}
