package io.herdgate.rules.behaviour;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Causal temporal smoothing of one continuous recording: the decision for a window is the normalised
 * geometric mean of the class probabilities of that window and up to {@code windows − 1} windows before
 * it. Behaviours last minutes, so pooling the evidence of neighbouring windows removes isolated
 * misclassifications; being causal it adds no latency, but a new behaviour shows only once its windows
 * outweigh the previous ones (typically after one or two windows).
 *
 * <p>Feed the windows of one recording in time order; call {@link #reset()} where the recording is broken
 * (a gap, a collar change), because windows on either side of a gap say nothing about each other. All
 * windows must come from the same classifier (same classes in the same order). Not thread-safe.
 */
public final class BehaviourSmoother {

    /** Windows pooled by the shipped setting: the current 10 s window and the two before it (30 s). */
    public static final int SHIPPED_WINDOWS = 3;

    /** Floor for a probability before its logarithm is taken, so one confident zero cannot veto. */
    private static final double FLOOR = 1e-12;

    private final int windows;
    private final ArrayDeque<ClassProbabilities> recent = new ArrayDeque<>();

    private BehaviourSmoother(int windows) {
        this.windows = windows;
    }

    /**
     * @param windows windows pooled per decision, ≥ 1 (1 = no smoothing)
     */
    public static BehaviourSmoother of(int windows) {
        if (windows < 1) {
            throw new IllegalArgumentException("windows must be >= 1, got " + windows);
        }
        return new BehaviourSmoother(windows);
    }

    /** Smoother continuing from {@code state}, as {@link #state()} returned it. */
    public static BehaviourSmoother restore(int windows, List<ClassProbabilities> state) {
        BehaviourSmoother s = of(windows);
        state.forEach(s::remember);
        return s;
    }

    /** Adds the next window of the recording and returns the smoothed decision for it. */
    public Classification add(ClassProbabilities window) {
        if (!recent.isEmpty() && !recent.peekLast().classes().equals(window.classes())) {
            throw new IllegalArgumentException("classes changed within one recording: " + recent.peekLast().classes()
                    + " then " + window.classes());
        }
        remember(window);
        int k = window.classes().size();
        double[] logSum = new double[k];
        for (ClassProbabilities p : recent) {
            for (int c = 0; c < k; c++) {
                logSum[c] += Math.log(Math.max(FLOOR, p.values().get(c)));
            }
        }
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (logSum[c] > logSum[best]) {
                best = c;
            }
        }
        // Geometric means relative to the best one (which contributes 1), normalised over the classes.
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += Math.exp((logSum[c] - logSum[best]) / recent.size());
        }
        return Classification.of(window.classes().get(best), 1 / sum);
    }

    /** Forgets the windows seen so far (a break in the recording). */
    public void reset() {
        recent.clear();
    }

    /** The last windows seen (at most {@code windows}), oldest first, for {@link #restore}. */
    public List<ClassProbabilities> state() {
        return List.copyOf(recent);
    }

    private void remember(ClassProbabilities p) {
        recent.addLast(p);
        while (recent.size() > windows) {
            recent.removeFirst();
        }
    }
}
