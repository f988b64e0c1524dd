package io.herdgate.sim.event;

import java.time.Duration;
import java.time.Instant;

/**
 * No radio link between collar and gateway for {@code length} (cow out of range, dongle unplugged): the
 * collar buffers a bounded number of frames and drops the rest, counting them.
 */
public record RadioLoss(Instant start, Duration length) implements Episode {

    public RadioLoss {
        Episode.positive("radio loss length", length);
    }

    public static RadioLoss of(Instant start, Duration length) {
        return new RadioLoss(start, length);
    }

    @Override
    public Instant end() {
        return start.plus(length);
    }
}
