package io.herdgate.rules.behaviour;

import io.herdgate.rules.feature.WindowFeatures;
import java.util.List;

/** Classifies one window of collar features. Implementations are immutable and thread-safe. */
public interface BehaviourClassifier {

    /** The probability of each behaviour the classifier knows, for {@code window}. */
    ClassProbabilities probabilities(WindowFeatures window);

    /** The most probable behaviour of {@code window} on its own (no temporal context). */
    default Classification classify(WindowFeatures window) {
        return probabilities(window).best();
    }

    /** Lowest sample rate the classifier's features are valid for, Hz. */
    double minRateHz();

    /** The behaviours it can tell apart; a behaviour not listed is never reported, so it is not measured. */
    List<Behaviour> behaviours();

    /**
     * The classifier shipped with herdgate ({@code classifier-v2.json}), loaded once.
     *
     * @throws ModelFormatException when the resource is missing or broken
     */
    static BehaviourClassifier shipped() {
        return SoftmaxClassifier.shipped();
    }
}
