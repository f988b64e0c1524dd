package io.herdgate.rules.detect;

/** What the engine did with one observation. */
public enum Outcome {
    /** Used. */
    ACCEPTED,
    /** Ignored: it starts before the end of the cow's previous observation (event time must not go back). */
    OUT_OF_ORDER
}
