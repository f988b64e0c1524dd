package io.herdgate.rules.behaviour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Causal forward filter of a hidden Markov chain over the classifier's behaviours, for one continuous
 * recording: behaviours come in bouts, so the belief after a window is the classifier's probabilities for it
 * times what the belief after the window before predicts. A behaviour of mean bout length {@code L} seconds
 * stays for the next window of {@code w} seconds with probability {@code exp(−w / L)} (bout lengths
 * exponential); when it ends, each other behaviour follows with equal probability. The first window of a
 * recording starts from equal odds, as the classifier is trained with every class weighted the same.
 *
 * <p>{@code belief_t(k) ∝ max(1e−12, p_t(k)) · Σ_j belief_{t−1}(j) · T(j, k)}, normalised to sum 1; the
 * decision is the most probable class, its confidence that class's belief. Causal, so no latency is added, but
 * a long behaviour (lying) needs a few windows of clear evidence before a change shows.
 *
 * <p>Feed the windows of one recording in time order; call {@link #reset()} where the recording is broken (a
 * gap, a collar change). The state is one probability per class ({@link #belief()}). Not thread-safe.
 */
public final class BoutFilter {

    /** Floor for a probability, so one confident zero cannot veto a behaviour for good. */
    private static final double FLOOR = 1e-12;

    private final List<Behaviour> classes;
    /** Probability per class of staying in it for one more window. */
    private final double[] stay;
    /** Belief after the last window; null before the first window of a recording. */
    private double[] belief;

    private BoutFilter(List<Behaviour> classes, double[] stay) {
        this.classes = List.copyOf(classes);
        this.stay = stay;
    }

    /**
     * @param classes    the classifier's behaviours, in its order
     * @param meanBoutS  mean bout length of each class, seconds, &gt; 0, same order
     * @param windowS    length of one window, seconds, &gt; 0
     */
    public static BoutFilter of(List<Behaviour> classes, List<Double> meanBoutS, double windowS) {
        if (classes.isEmpty() || classes.size() != meanBoutS.size()) {
            throw new IllegalArgumentException("need one mean bout length per class, got " + classes + " and "
                    + meanBoutS);
        }
        if (!(windowS > 0) || meanBoutS.stream().anyMatch(l -> !(l > 0) || l.isInfinite())) {
            throw new IllegalArgumentException("window and mean bout lengths must be finite and > 0 s, got "
                    + windowS + " and " + meanBoutS);
        }
        double[] stay = new double[classes.size()];
        for (int k = 0; k < stay.length; k++) {
            stay[k] = Math.exp(-windowS / meanBoutS.get(k));
        }
        return new BoutFilter(classes, stay);
    }

    /** A filter that keeps no memory: every window is decided by its own probabilities. */
    public static BoutFilter none(List<Behaviour> classes) {
        double[] stay = new double[classes.size()];
        // Staying and moving to any other class equally likely: the prediction is flat whatever the belief.
        Arrays.fill(stay, 1.0 / classes.size());
        return new BoutFilter(classes, stay);
    }

    /** This filter continuing from {@code belief}, as {@link #belief()} returned it (empty: a fresh recording). */
    public BoutFilter restore(Optional<ClassProbabilities> belief) {
        BoutFilter f = new BoutFilter(classes, stay);
        belief.ifPresent(b -> {
            if (!b.classes().equals(classes)) {
                throw new IllegalArgumentException("belief over " + b.classes() + ", filter over " + classes);
            }
            f.belief = b.values().stream().mapToDouble(Double::doubleValue).toArray();
        });
        return f;
    }

    /** Adds the next window of the recording and returns the filtered decision for it. */
    public Classification add(ClassProbabilities window) {
        if (!window.classes().equals(classes)) {
            throw new IllegalArgumentException("window over " + window.classes() + ", filter over " + classes);
        }
        int n = stay.length;
        double[] next = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double prior;
            if (belief == null) {
                prior = 1.0 / n;
            } else {
                prior = 0;
                for (int j = 0; j < n; j++) {
                    prior += belief[j] * (j == k ? stay[j] : (1 - stay[j]) / (n - 1));
                }
            }
            next[k] = Math.max(FLOOR, window.values().get(k)) * prior;
            sum += next[k];
        }
        int best = 0;
        for (int k = 0; k < n; k++) {
            next[k] /= sum;
            if (next[k] > next[best]) {
                best = k;
            }
        }
        belief = next;
        return Classification.of(classes.get(best), Math.min(1, next[best]));
    }

    /** Forgets the recording so far (a break in it). */
    public void reset() {
        belief = null;
    }

    /** The belief after the last window, for {@link #restore}; empty before the first window. */
    public Optional<ClassProbabilities> belief() {
        if (belief == null) {
            return Optional.empty();
        }
        List<Double> values = new ArrayList<>(belief.length);
        for (double v : belief) {
            values.add(v);
        }
        return Optional.of(ClassProbabilities.of(classes, values));
    }
}
