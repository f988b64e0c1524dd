package io.herdgate.rules.behaviour;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Result of evaluating a classifier on labelled windows.
 *
 * @param method            how the figures were obtained, e.g. "leave-one-cow-out over 7 cows"
 * @param balancedAccuracy  mean recall over the evaluated behaviours, 0..1
 * @param perClass          precision and recall per behaviour label, in {@code classes} order
 * @param classes           behaviour labels, row and column order of {@code confusion}
 * @param confusion         window counts, {@code confusion[true][predicted]}
 */
public record ClassifierMetrics(String method, double balancedAccuracy, Map<String, ClassMetrics> perClass,
                                List<String> classes, List<List<Integer>> confusion) {

    public ClassifierMetrics {
        perClass = Map.copyOf(perClass);
        classes = List.copyOf(classes);
        confusion = confusion.stream().map(List::copyOf).toList();
    }

    public static ClassifierMetrics of(String method, double balancedAccuracy, Map<String, ClassMetrics> perClass,
                                       List<String> classes, List<List<Integer>> confusion) {
        return new ClassifierMetrics(method, balancedAccuracy, perClass, classes, confusion);
    }

    /**
     * The figures as text for people, in the layout of the detectors' evaluation report: a headline with
     * the balanced accuracy, then one line per behaviour.
     */
    public String render() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "behaviour classification (%s)%n  balanced accuracy         %.3f   (target >= 0.85)%n",
                method, balancedAccuracy));
        for (String c : classes) {
            ClassMetrics m = perClass.get(c);
            sb.append(String.format(Locale.ROOT, "  %-10s windows %5d   precision %.3f   recall %.3f%n", c,
                    m.support(), m.precision(), m.recall()));
        }
        return sb.toString();
    }

    /** Computes the figures from a confusion matrix {@code counts[true][predicted]} over {@code classes}. */
    public static ClassifierMetrics fromConfusion(String method, List<Behaviour> classes, int[][] counts) {
        int k = classes.size();
        Map<String, ClassMetrics> per = new LinkedHashMap<>();
        double recallSum = 0;
        int evaluated = 0;
        for (int c = 0; c < k; c++) {
            int support = 0;
            int predicted = 0;
            for (int j = 0; j < k; j++) {
                support += counts[c][j];
                predicted += counts[j][c];
            }
            double recall = support == 0 ? 0 : (double) counts[c][c] / support;
            double precision = predicted == 0 ? 0 : (double) counts[c][c] / predicted;
            per.put(classes.get(c).label(), ClassMetrics.of(support, precision, recall));
            if (support > 0) {
                recallSum += recall;
                evaluated++;
            }
        }
        List<List<Integer>> rows = Arrays.stream(counts)
                .map(r -> Arrays.stream(r).boxed().toList()).toList();
        return of(method, evaluated == 0 ? 0 : recallSum / evaluated, per,
                classes.stream().map(Behaviour::label).toList(), rows);
    }
}
