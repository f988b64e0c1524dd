package io.herdgate.rules.behaviour;

/**
 * The behaviour of one window.
 *
 * @param behaviour  the most probable behaviour
 * @param confidence the classifier's probability for it, 0..1
 */
public record Classification(Behaviour behaviour, double confidence) {

    public Classification {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be 0..1, got " + confidence);
        }
    }

    public static Classification of(Behaviour behaviour, double confidence) {
        return new Classification(behaviour, confidence);
    }
}
