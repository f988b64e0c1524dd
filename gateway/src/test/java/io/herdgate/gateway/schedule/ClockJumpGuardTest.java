package io.herdgate.gateway.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.sim.herd.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClockJumpGuardTest {

    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

    private final ManualClock clock = ManualClock.of(T0);
    private final AtomicLong nanos = new AtomicLong(123_456_789L);
    private final ClockJumpGuard guard = ClockJumpGuard.of(clock, nanos::get, ClockJumpGuard.DEFAULT_TOLERANCE);
    private final List<ClockJump> told = new ArrayList<>();

    {
        guard.addListener(told::add);
    }

    private void elapse(Duration monotonic, Duration wall) {
        nanos.addAndGet(monotonic.toNanos());
        clock.advance(wall);
    }

    @Test
    void check_clocksMovingTogether_isNoJump() {
        elapse(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertTrue(guard.check().isEmpty());
        elapse(Duration.ofHours(5), Duration.ofHours(5));
        assertTrue(guard.check().isEmpty());
        assertTrue(told.isEmpty());
    }

    @Test
    void check_driftWithinTolerance_isNoJump() {
        elapse(Duration.ofSeconds(1), Duration.ofMillis(2_500));
        assertTrue(guard.check().isEmpty());
    }

    @Test
    void check_stepForwardOneDay_isReportedOnceWithItsSize() {
        elapse(Duration.ofSeconds(1), Duration.ofDays(1).plusSeconds(1));

        ClockJump j = guard.check().orElseThrow();

        assertTrue(j.forward());
        assertEquals(Duration.ofDays(1), j.size());
        assertEquals(T0.plusSeconds(1), j.expected());
        assertEquals(List.of(j), told);
        elapse(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertTrue(guard.check().isEmpty(), "the guard re-anchors on the new time");
    }

    @Test
    void check_stepBackOneDay_isReportedAsBackward() {
        elapse(Duration.ofSeconds(1), Duration.ofDays(-1).plusSeconds(1));

        ClockJump j = guard.check().orElseThrow();

        assertFalse(j.forward());
        assertEquals(Duration.ofDays(-1), j.size());
        assertEquals("clock stepped back PT24H (expected 2026-03-02T06:00:01Z, read 2026-03-01T06:00:01Z)", j.toString());
    }

    @Test
    void of_toleranceOutOfRange_isRefusedWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClockJumpGuard.of(clock, nanos::get, Duration.ofMillis(10)));
        assertEquals("tolerance must be 100 ms..1 h, got PT0.01S", e.getMessage());
    }
}
