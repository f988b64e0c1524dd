package io.herdgate.rules.behaviour;

import java.util.List;

/**
 * A classifier's probability for each behaviour it knows, for one window.
 *
 * @param classes behaviours, in the model's order, at least one, no duplicates
 * @param values  probability of each class in the same order, each 0..1, summing to 1 (± 1e-6)
 */
public record ClassProbabilities(List<Behaviour> classes, List<Double> values) {

    public ClassProbabilities {
        classes = List.copyOf(classes);
        values = List.copyOf(values);
        if (classes.isEmpty() || classes.size() != values.size() || hasDuplicate(classes)) {
            throw new IllegalArgumentException("need one probability per distinct class, got " + classes + " "
                    + values);
        }
        double sum = 0;
        for (double v : values) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("probabilities must be 0..1, got " + values);
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("probabilities must sum to 1, got " + sum + " for " + values);
        }
    }

    public static ClassProbabilities of(List<Behaviour> classes, List<Double> values) {
        return new ClassProbabilities(classes, values);
    }

    private static boolean hasDuplicate(List<Behaviour> classes) {
        for (int i = 0; i < classes.size(); i++) {
            if (classes.lastIndexOf(classes.get(i)) != i) {
                return true;
            }
        }
        return false;
    }

    /** The most probable class (the first one on a tie) with its probability. */
    public Classification best() {
        int best = 0;
        for (int k = 1; k < values.size(); k++) {
            if (values.get(k) > values.get(best)) {
                best = k;
            }
        }
        return Classification.of(classes.get(best), values.get(best));
    }
}
