package io.herdgate.gateway.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The critical notifications whose channel call is under way (taken by a delivery worker, not yet settled), for
 * a busy thread that should step aside while they go out: the ingest thread, whose work on a minute's close
 * otherwise takes the cores a group of critical alarms needs to reach the provider.
 *
 * <p>{@link #stepAside()} parks its caller while a critical call is under way, but never longer than
 * {@link #grace()} after the latest such call began, so a slow or stuck call (a timeout, an SMS modem) holds the
 * caller back for one grace at most. Machine time ({@link System#nanoTime()}): this paces threads, it records
 * nothing. Thread-safe.
 */
public final class CriticalCalls {

    private final long graceNanos;
    private final AtomicInteger underWay = new AtomicInteger();
    /** {@link System#nanoTime()} until which a caller of {@link #stepAside()} may be held. */
    private final AtomicLong holdUntil = new AtomicLong();
    private final Object idle = new Object();

    private CriticalCalls(long graceNanos) {
        this.graceNanos = graceNanos;
    }

    /** A gauge holding {@link #stepAside()} callers at most {@code grace} after the latest call began (1..1000 ms). */
    public static CriticalCalls of(Duration grace) {
        if (grace.toMillis() < 1 || grace.toMillis() > 1000) {
            throw new IllegalArgumentException("critical call grace must be 1..1000 ms, got " + grace.toMillis() + " ms");
        }
        return new CriticalCalls(grace.toNanos());
    }

    public Duration grace() {
        return Duration.ofNanos(graceNanos);
    }

    /** How many critical calls are under way now. */
    public int underWay() {
        return underWay.get();
    }

    /** A critical call begins. */
    void started() {
        long until = System.nanoTime() + graceNanos;
        holdUntil.accumulateAndGet(until, (a, b) -> a - b > 0 ? a : b);
        underWay.incrementAndGet();
    }

    /** A critical call {@link #started()} before is settled (sent, failed or given back). */
    void ended() {
        if (underWay.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /**
     * Returns at once when no critical call is under way (one volatile read); else parks until none is, or until
     * {@link #grace()} after the latest one began, whichever comes first.
     *
     * @return whether the caller was held
     */
    public boolean stepAside() {
        if (underWay.get() == 0) {
            return false;
        }
        synchronized (idle) {
            while (underWay.get() > 0) {
                long left = holdUntil.get() - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    idle.wait(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return true;
    }
}
