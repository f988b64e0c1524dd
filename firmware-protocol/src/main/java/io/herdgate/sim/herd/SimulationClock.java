package io.herdgate.sim.herd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Simulated time running {@code speed} times faster than a base clock: {@code instant() = simStart +
 * (base.instant() - baseStart) * speed}. A live demo drives a herd with
 * {@code herd.advanceTo(simClock.instant())} on a timer; tests use {@link SimulatedHerd#advanceTo}
 * directly and never wait.
 */
public final class SimulationClock extends Clock {

    private final Clock base;
    private final Instant baseStart;
    private final Instant simStart;
    private final double speed;

    private SimulationClock(Clock base, Instant baseStart, Instant simStart, double speed) {
        if (!(speed > 0 && speed <= 1e6)) {
            throw new IllegalArgumentException("speed factor out of (0, 1e6]: " + speed);
        }
        this.base = base;
        this.baseStart = baseStart;
        this.simStart = simStart;
        this.speed = speed;
    }

    /** Simulated time that is {@code simStart} now and runs {@code speed} times as fast as {@code base}. */
    public static SimulationClock of(Clock base, Instant simStart, double speed) {
        return new SimulationClock(base, base.instant(), simStart, speed);
    }

    public double speed() {
        return speed;
    }

    @Override
    public Instant instant() {
        long elapsedNs = Duration.between(baseStart, base.instant()).toNanos();
        return simStart.plusNanos(Math.round(elapsedNs * speed));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SimulationClock(base.withZone(zone), baseStart, simStart, speed);
    }
}
