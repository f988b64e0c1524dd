package io.herdgate.gateway.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Notices steps of the wall clock by comparing how far it moved with how far the monotonic
 * {@link Ticker} moved since the last {@link #check()}. A difference beyond the tolerance is a jump:
 * listeners are told (in the order added) and the guard re-anchors on the new wall time. Drift and
 * NTP slewing (well under a second per check) stay below the tolerance. Call {@link #check()} often
 * (every second): between two checks a step forward and one back cancel out unseen.
 * Thread-safe.
 */
public final class ClockJumpGuard {

    /** Default tolerance: far above slewing and scheduling delay, far below any step that matters. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(2);

    private final Clock clock;
    private final Ticker ticker;
    private final Duration tolerance;
    private final List<ClockJumpListener> listeners = new CopyOnWriteArrayList<>();
    private Instant lastWall;
    private long lastNanos;

    private ClockJumpGuard(Clock clock, Ticker ticker, Duration tolerance) {
        this.clock = clock;
        this.ticker = ticker;
        this.tolerance = tolerance;
        this.lastWall = clock.instant();
        this.lastNanos = ticker.nanos();
    }

    /** @param tolerance difference between wall and monotonic progress taken as a jump, 100 ms .. 1 h */
    public static ClockJumpGuard of(Clock clock, Ticker ticker, Duration tolerance) {
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.compareTo(Duration.ofMillis(100)) < 0 || tolerance.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("tolerance must be 100 ms..1 h, got " + tolerance);
        }
        return new ClockJumpGuard(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(ticker, "ticker"), tolerance);
    }

    public void addListener(ClockJumpListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Compares the clocks; tells the listeners and returns the jump when there was one. */
    public Optional<ClockJump> check() {
        ClockJump jump;
        synchronized (this) {
            Instant wall = clock.instant();
            long nanos = ticker.nanos();
            Instant expected = lastWall.plusNanos(nanos - lastNanos);
            lastWall = wall;
            lastNanos = nanos;
            if (Duration.between(expected, wall).abs().compareTo(tolerance) <= 0) {
                return Optional.empty();
            }
            jump = ClockJump.of(expected, wall);
        }
        for (ClockJumpListener l : listeners) {
            l.onJump(jump);
        }
        return Optional.of(jump);
    }
}
