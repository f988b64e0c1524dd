package io.herdgate.sim.event;

import java.time.Duration;
import java.time.Instant;

/** The cow goes down and cannot get up: lateral recumbency with no motion but breathing, for {@code length}. */
public record CowDown(Instant start, Duration length) implements Episode {

    public CowDown {
        Episode.positive("cow down length", length);
    }

    public static CowDown of(Instant start, Duration length) {
        return new CowDown(start, length);
    }

    @Override
    public Instant end() {
        return start.plus(length);
    }
}
