package io.herdgate.sim.event;

import java.time.Duration;
import java.time.Instant;

/**
 * Oestrus: the cow is restless, walks and stands more and lies less, so her activity rises by
 * {@code activityFactor} for {@code length}.
 *
 * @param activityFactor rise of activity against her ordinary level, 2.0..4.0
 * @param length         8..15 h in the field; any positive span is accepted
 */
public record Heat(Instant start, Duration length, double activityFactor) implements Episode {

    public Heat {
        Episode.positive("heat length", length);
        if (!(activityFactor >= 1.0 && activityFactor <= 6.0)) {
            throw new IllegalArgumentException("heat activityFactor out of 1.0..6.0: " + activityFactor);
        }
    }

    public static Heat of(Instant start, Duration length, double activityFactor) {
        return new Heat(start, length, activityFactor);
    }

    @Override
    public Instant end() {
        return start.plus(length);
    }
}
