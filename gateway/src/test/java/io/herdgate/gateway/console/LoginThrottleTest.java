package io.herdgate.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.sim.herd.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final ManualClock clock = ManualClock.of(Instant.parse("2026-05-01T06:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(15), Duration.ofMinutes(10));

    @Test
    void thirdFailureWithinTheWindow_locksThatAddressForTheLockout() {
        assertFalse(throttle.failed("10.0.0.5"));
        assertFalse(throttle.failed("10.0.0.5"));
        assertTrue(throttle.failed("10.0.0.5"));

        assertEquals(Optional.of(Duration.ofMinutes(10)), throttle.lockedFor("10.0.0.5"));
        assertEquals(Optional.empty(), throttle.lockedFor("10.0.0.6"), "other addresses may still try");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(Optional.empty(), throttle.lockedFor("10.0.0.5"));
    }

    @Test
    void failuresOlderThanTheWindow_doNotCount() {
        throttle.failed("a");
        throttle.failed("a");
        clock.advance(Duration.ofMinutes(16));

        assertFalse(throttle.failed("a"));
    }

    @Test
    void success_clearsTheFailures() {
        throttle.failed("a");
        throttle.failed("a");
        throttle.succeeded("a");

        assertFalse(throttle.failed("a"));
        assertFalse(throttle.failed("a"));
    }

    @Test
    void sessions_endAfterIdleTimeButLiveWhileUsed() {
        Sessions sessions = new Sessions(clock, Duration.ofHours(1));
        String id = sessions.start();

        clock.advance(Duration.ofMinutes(59));
        assertTrue(sessions.touch(id));
        clock.advance(Duration.ofMinutes(59));
        assertTrue(sessions.touch(id), "use restarts the idle time");
        clock.advance(Duration.ofHours(1));
        assertFalse(sessions.touch(id));
        assertFalse(sessions.touch("made-up"));
        assertFalse(sessions.touch(null));
    }

    @Test
    void sessions_beyondTheCap_pushOutTheLeastRecentlyUsed() {
        Sessions sessions = new Sessions(clock, Duration.ofHours(1));
        String oldest = sessions.start();
        for (int i = 1; i < Sessions.MAX_SESSIONS; i++) {
            clock.advance(Duration.ofSeconds(1));
            sessions.start();
        }
        clock.advance(Duration.ofSeconds(1));
        sessions.start();

        assertEquals(Sessions.MAX_SESSIONS, sessions.size());
        assertFalse(sessions.touch(oldest));
    }
}
