package io.herdgate.gateway.systemd;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Last sign of life of one worker thread, on a monotonic clock. The worker calls {@link #beat()} once per
 * loop turn (also when idle: a loop that waits for work must wait with a timeout shorter than the
 * allowed silence); the watchdog asks {@link #liveness(Duration)}. A thread that died or hangs stops
 * beating, so systemd restarts the gateway. Thread-safe.
 */
public final class Heartbeat {

    private final String name;
    private final LongSupplier nanoTime;
    private volatile long lastBeat;

    private Heartbeat(String name, LongSupplier nanoTime) {
        this.name = name;
        this.nanoTime = nanoTime;
        this.lastBeat = nanoTime.getAsLong();
    }

    /** {@code nanoTime}: a monotonic source in nanoseconds, like {@link System#nanoTime}; counts from now. */
    public static Heartbeat of(String name, LongSupplier nanoTime) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nanoTime, "nanoTime");
        return new Heartbeat(name, nanoTime);
    }

    public void beat() {
        lastBeat = nanoTime.getAsLong();
    }

    /** Time since the last beat (or since creation). */
    public Duration silence() {
        return Duration.ofNanos(nanoTime.getAsLong() - lastBeat);
    }

    /** Alive while the silence is at most {@code maxSilence} (positive). */
    public Liveness liveness(Duration maxSilence) {
        if (maxSilence.isNegative() || maxSilence.isZero()) {
            throw new IllegalArgumentException("maxSilence must be positive, got " + maxSilence);
        }
        return () -> {
            Duration silence = silence();
            return silence.compareTo(maxSilence) <= 0
                    ? Optional.empty()
                    : Optional.of(name + " silent for " + silence.toSeconds() + " s (allowed "
                            + maxSilence.toSeconds() + " s)");
        };
    }
}
