package io.herdgate.rules.behaviour;

import io.herdgate.rules.feature.WindowFeatures;
import java.util.List;

/**
 * Classifies one window of collar features, optionally against the cow's own {@link PostureReference}.
 * Implementations are immutable and thread-safe; the per-cow reference is the caller's to keep
 * ({@link PostureReference#learn} after each window).
 */
public interface BehaviourClassifier {

    /**
     * The probability of each behaviour the classifier knows, for {@code window} of a cow whose posture
     * reference is {@code reference} ({@link PostureReference#EMPTY} when she has none yet).
     */
    ClassProbabilities probabilities(WindowFeatures window, PostureReference reference);

    /** The probabilities of {@code window} on its own, without any posture reference. */
    default ClassProbabilities probabilities(WindowFeatures window) {
        return probabilities(window, PostureReference.EMPTY);
    }

    /** The most probable behaviour of {@code window} on its own (no temporal context, no reference). */
    default Classification classify(WindowFeatures window) {
        return probabilities(window).best();
    }

    /**
     * A fresh {@link BoutFilter} for one recording of this classifier's windows, as the gateway runs it on the
     * decisions; {@link BoutFilter#none} when the classifier knows no bout lengths.
     */
    default BoutFilter filter() {
        return BoutFilter.none(behaviours());
    }

    /** Lowest sample rate the classifier's features are valid for, Hz. */
    double minRateHz();

    /** The behaviours it can tell apart; a behaviour not listed is never reported, so it is not measured. */
    List<Behaviour> behaviours();

    /**
     * The classifier shipped with herdgate ({@code classifier-v4.json}), loaded once.
     *
     * @throws ModelFormatException when the resource is missing or broken
     */
    static BehaviourClassifier shipped() {
        return SoftmaxClassifier.shipped();
    }

    /**
     * A classifier for {@code model} (e.g. one read with {@link ClassifierModel#read}).
     *
     * @throws ModelFormatException when the model's shapes or names are invalid
     */
    static BehaviourClassifier of(ClassifierModel model) {
        return SoftmaxClassifier.of(model);
    }
}
