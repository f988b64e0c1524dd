package io.herdgate.sim.event;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpisodeTest {

    private static final Instant T = Instant.parse("2026-03-02T12:00:00Z");

    @Test
    void episode_isActiveFromStartInclusiveToEndExclusive() {
        CowDown d = CowDown.of(T, Duration.ofHours(6));
        assertFalse(d.activeAt(T.minusNanos(1)));
        assertTrue(d.activeAt(T));
        assertTrue(d.activeAt(T.plus(Duration.ofHours(6)).minusNanos(1)));
        assertFalse(d.activeAt(T.plus(Duration.ofHours(6))));
    }

    @Test
    void illness_rampsToFullSeverityOverTheFirstDay() {
        Illness i = Illness.of(T, Duration.ofDays(4), 0.4);
        assertEquals(0.0, i.severityAt(T), 1e-12);
        assertEquals(0.2, i.severityAt(T.plus(Duration.ofHours(12))), 1e-12);
        assertEquals(0.4, i.severityAt(T.plus(Duration.ofDays(2))), 1e-12);
        assertEquals(0.0, i.severityAt(T.plus(Duration.ofDays(4))), 1e-12);
    }

    @Test
    void calving_isRestlessForTheLastDayAndEndsTwoHoursAfterTheBirth() {
        Calving c = Calving.of(T);
        assertEquals(T.minus(Duration.ofHours(24)), c.start());
        assertEquals(T.plus(Duration.ofHours(2)), c.end());
        assertEquals(0.5, c.progressAt(T.minus(Duration.ofHours(12))), 1e-12);
        assertEquals(1.0, c.progressAt(T.plusSeconds(60)), 1e-12);
    }

    @Test
    void zeroOrNegativeLengthsAndFactorsOutOfRange_areRejectedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RadioLoss.of(T, Duration.ZERO));
        assertEquals("radio loss length must be positive, got PT0S", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Heat.of(T, Duration.ofHours(10), 0.5));
        assertThrows(IllegalArgumentException.class, () -> Illness.of(T, Duration.ofDays(1), 0.95));
        assertThrows(IllegalArgumentException.class, () -> CollarOff.of(T, Duration.ofHours(-1)));
    }
}
