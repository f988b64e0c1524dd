package io.herdgate.sim.event;

import java.time.Duration;
import java.time.Instant;

/**
 * A calving at {@code at}. In the last {@link #RESTLESS} before it the cow is restless: more and shorter
 * lying bouts, more standing, less rumination; the episode ends {@link #AFTER} the birth.
 */
public record Calving(Instant at) implements Episode {

    public static final Duration RESTLESS = Duration.ofHours(24);
    public static final Duration AFTER = Duration.ofHours(2);

    public static Calving of(Instant at) {
        return new Calving(at);
    }

    @Override
    public Instant start() {
        return at.minus(RESTLESS);
    }

    @Override
    public Instant end() {
        return at.plus(AFTER);
    }

    /** 0 at the start of the restless phase, rising to 1 at the birth and after. */
    public double progressAt(Instant t) {
        double p = Duration.between(start(), t).toSeconds() / (double) RESTLESS.toSeconds();
        return Math.max(0, Math.min(1, p));
    }
}
