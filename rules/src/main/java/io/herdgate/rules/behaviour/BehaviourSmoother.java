package io.herdgate.rules.behaviour;

import java.util.ArrayList;
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
 *
 * <p>The windows are kept as their probabilities in one {@code double[]} ring (a gateway holds one smoother
 * per collar; a deque of boxed windows took about 530 bytes of heap a collar, the ring about 150).
 */
public final class BehaviourSmoother {

    /** Windows pooled by the shipped setting: the current 10 s window and the two before it (30 s). */
    public static final int SHIPPED_WINDOWS = 3;

    /** Floor for a probability before its logarithm is taken, so one confident zero cannot veto. */
    private static final double FLOOR = 1e-12;

    private final int windows;
    /** The classes of the windows held; {@code null} before the first and after {@link #reset()}. */
    private List<Behaviour> classes;
    /** [window * classes + class]: the probabilities of the last {@code held} windows, oldest at {@code first}. */
    private double[] ring;
    private int first;
    private int held;

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
        if (held > 0 && !classes.equals(window.classes())) {
            throw new IllegalArgumentException("classes changed within one recording: " + classes
                    + " then " + window.classes());
        }
        remember(window);
        int k = classes.size();
        double[] logSum = new double[k];
        for (int w = 0; w < held; w++) {
            int at = (first + w) % windows * k;
            for (int c = 0; c < k; c++) {
                logSum[c] += Math.log(Math.max(FLOOR, ring[at + c]));
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
            sum += Math.exp((logSum[c] - logSum[best]) / held);
        }
        return Classification.of(classes.get(best), 1 / sum);
    }

    /** Forgets the windows seen so far (a break in the recording). */
    public void reset() {
        classes = null;
        held = 0;
        first = 0;
    }

    /** The last windows seen (at most {@code windows}), oldest first, for {@link #restore}. */
    public List<ClassProbabilities> state() {
        List<ClassProbabilities> out = new ArrayList<>(held);
        for (int w = 0; w < held; w++) {
            int at = (first + w) % windows * classes.size();
            List<Double> values = new ArrayList<>(classes.size());
            for (int c = 0; c < classes.size(); c++) {
                values.add(ring[at + c]);
            }
            out.add(ClassProbabilities.of(classes, values));
        }
        return List.copyOf(out);
    }

    private void remember(ClassProbabilities p) {
        int k = p.classes().size();
        if (held == 0) {
            classes = p.classes();
            if (ring == null || ring.length != windows * k) {
                ring = new double[windows * k];
            }
        }
        int at;
        if (held < windows) {
            at = (first + held) % windows * k;
            held++;
        } else {
            at = first * k; // the oldest window makes room
            first = (first + 1) % windows;
        }
        for (int c = 0; c < k; c++) {
            ring[at + c] = p.values().get(c);
        }
    }
}
