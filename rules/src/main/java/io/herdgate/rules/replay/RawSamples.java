package io.herdgate.rules.replay;

import io.herdgate.rules.behaviour.BehaviourClassifier;
import io.herdgate.rules.feature.SampleRate;
import io.herdgate.rules.feature.Unit;

/**
 * How to read raw {@code ax, ay, az} input: evenly spaced samples at {@code rate} in {@code unit},
 * turned into one observation per cow per minute by the feature extractor and {@code classifier}.
 */
public record RawSamples(SampleRate rate, Unit unit, BehaviourClassifier classifier) {

    public static RawSamples of(SampleRate rate, Unit unit) {
        return new RawSamples(rate, unit, BehaviourClassifier.shipped());
    }
}
