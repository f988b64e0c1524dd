package io.herdgate.sim.herd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to: simulated time for runs faster than real time, and tests. Clocks
 * made by {@link #withZone} share the same time. Thread-safe.
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock at {@code start}, in UTC. */
    public static ManualClock of(Instant start) {
        return new ManualClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /** Sets the time; it may go backwards (as a real clock does at an NTP step). */
    public void set(Instant t) {
        now.set(Objects.requireNonNull(t, "t"));
    }

    /** Moves the time on by {@code d}. */
    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public ManualClock withZone(ZoneId zone) {
        return new ManualClock(now, zone);
    }
}
