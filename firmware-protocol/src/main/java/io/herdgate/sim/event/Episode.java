package io.herdgate.sim.event;

import java.time.Duration;
import java.time.Instant;

/** Something that happens to one cow or her collar over a span of simulated time. */
public sealed interface Episode permits Heat, Illness, Calving, CowDown, CollarOff, RadioLoss {

    /** First instant the episode affects the cow or collar (inclusive). */
    Instant start();

    /** First instant it no longer does (exclusive). */
    Instant end();

    /** True when {@code t} lies in {@code [start, end)}. */
    default boolean activeAt(Instant t) {
        return !t.isBefore(start()) && t.isBefore(end());
    }

    /** Rejects zero or negative spans with the field named. */
    static Duration positive(String what, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }
}
