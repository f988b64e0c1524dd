package io.herdgate.sim.event;

import java.time.Duration;
import java.time.Instant;

/**
 * The collar falls off and lies on the ground (static orientation, sensor noise only) for {@code length};
 * after it the farmer has put it back on.
 */
public record CollarOff(Instant start, Duration length) implements Episode {

    public CollarOff {
        Episode.positive("collar off length", length);
    }

    public static CollarOff of(Instant start, Duration length) {
        return new CollarOff(start, length);
    }

    @Override
    public Instant end() {
        return start.plus(length);
    }
}
