package io.herdgate.rules.behaviour;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Result of evaluating a classifier on labelled windows.
 *
 * @param method            how the figures were obtained, e.g. "leave-one-cow-out over 7 cows"
 * @param balancedAccuracy  mean recall over the evaluated behaviours, 0..1
 * @param perClass          precision and recall per behaviour label, in {@code classes} order
 * @param classes           behaviour labels, row and column order of {@code confusion}
 * @param confusion         window counts, {@code confusion[true][predicted]}, pooled over the folds
 * @param foldConfusion     the same counts per fold, keyed by the fold's name (the held-out cow); empty
 *                          when the figures come from a single test set
 */
public record ClassifierMetrics(String method, double balancedAccuracy, Map<String, ClassMetrics> perClass,
                                List<String> classes, List<List<Integer>> confusion,
                                Map<String, List<List<Integer>>> foldConfusion) {

    public ClassifierMetrics {
        perClass = Map.copyOf(perClass);
        classes = List.copyOf(classes);
        confusion = rows(confusion);
        foldConfusion = foldConfusion.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> rows(e.getValue())));
    }

    public static ClassifierMetrics of(String method, double balancedAccuracy, Map<String, ClassMetrics> perClass,
                                       List<String> classes, List<List<Integer>> confusion,
                                       Map<String, List<List<Integer>>> foldConfusion) {
        return new ClassifierMetrics(method, balancedAccuracy, perClass, classes, confusion, foldConfusion);
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
        sb.append("  confusion (rows true, columns predicted: ").append(String.join(", ", classes)).append(")\n");
        sb.append(String.format(Locale.ROOT, "    %-8s %s%n", "pooled", confusion));
        new TreeMap<>(foldConfusion).forEach((fold, counts) ->
                sb.append(String.format(Locale.ROOT, "    %-8s %s%n", fold, counts)));
        return sb.toString();
    }

    /**
     * Computes the figures from one confusion matrix {@code counts[true][predicted]} per fold over
     * {@code classes}; the pooled matrix is their sum.
     */
    public static ClassifierMetrics fromFolds(String method, List<Behaviour> classes, Map<String, int[][]> folds) {
        int k = classes.size();
        int[][] pooled = new int[k][k];
        Map<String, List<List<Integer>>> perFold = new TreeMap<>();
        folds.forEach((fold, counts) -> {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    pooled[i][j] += counts[i][j];
                }
            }
            perFold.put(fold, rows(counts));
        });
        ClassifierMetrics m = fromConfusion(method, classes, pooled);
        return of(method, m.balancedAccuracy, m.perClass, m.classes, m.confusion, perFold);
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
        return of(method, evaluated == 0 ? 0 : recallSum / evaluated, per,
                classes.stream().map(Behaviour::label).toList(), rows(counts), Map.of());
    }

    private static List<List<Integer>> rows(int[][] counts) {
        return Arrays.stream(counts).map(r -> Arrays.stream(r).boxed().toList()).toList();
    }

    private static List<List<Integer>> rows(List<List<Integer>> counts) {
        return counts.stream().map(List::copyOf).toList();
    }
}
