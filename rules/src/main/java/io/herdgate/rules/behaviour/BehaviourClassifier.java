package io.herdgate.rules.behaviour;

import io.herdgate.rules.feature.WindowFeatures;

/** Classifies one window of collar features. Implementations are immutable and thread-safe. */
public interface BehaviourClassifier {

    /** The behaviour of {@code window}. */
    Classification classify(WindowFeatures window);

    /** Lowest sample rate the classifier's features are valid for, Hz. */
    double minRateHz();

    /**
     * The classifier shipped with herdgate ({@code classifier-v1.json}), loaded once.
     *
     * @throws ModelFormatException when the resource is missing or broken
     */
    static BehaviourClassifier shipped() {
        return SoftmaxClassifier.shipped();
    }
}
