package io.herdgate.rules.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntervalEstimatorTest {

    @Test
    void estimate_twoHourBlocksWithAGap_isTwoHours() {
        long h = 3600;
        long[] t = {0, 2 * h, 4 * h, 8 * h, 10 * h, 12 * h};
        assertEquals(Optional.of(Duration.ofHours(2)), IntervalEstimator.estimate(t, t.length));
    }

    @Test
    void estimate_tieBetweenSteps_takesTheSmaller() {
        long[] t = {0, 60, 960, 1020, 1920};
        assertEquals(Optional.of(Duration.ofMinutes(1)), IntervalEstimator.estimate(t, t.length));
    }

    @Test
    void estimate_singleRow_isUnknown() {
        assertEquals(Optional.empty(), IntervalEstimator.estimate(new long[] {5}, 1));
    }
}
