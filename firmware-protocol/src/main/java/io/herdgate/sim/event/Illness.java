package io.herdgate.sim.event;

import java.time.Duration;
import java.time.Instant;

/**
 * A sick cow (mastitis, metritis, ketosis...): activity and rumination fall by {@code severity}, reached
 * over the first day and held until the end.
 *
 * @param severity fraction of activity and rumination lost, 0.3..0.5 in the field; 0.05..0.9 accepted
 */
public record Illness(Instant start, Duration length, double severity) implements Episode {

    /** Time to reach full severity. */
    public static final Duration ONSET = Duration.ofHours(24);

    public Illness {
        Episode.positive("illness length", length);
        if (!(severity >= 0.05 && severity <= 0.9)) {
            throw new IllegalArgumentException("illness severity out of 0.05..0.9: " + severity);
        }
    }

    public static Illness of(Instant start, Duration length, double severity) {
        return new Illness(start, length, severity);
    }

    @Override
    public Instant end() {
        return start.plus(length);
    }

    /** Severity in effect at {@code t}: ramps linearly from 0 over {@link #ONSET}, 0 outside the episode. */
    public double severityAt(Instant t) {
        if (!activeAt(t)) {
            return 0;
        }
        double ramp = Duration.between(start, t).toSeconds() / (double) ONSET.toSeconds();
        return severity * Math.min(1.0, ramp);
    }
}
