package io.herdgate.gateway.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * Runs an {@link OutboxPump} on a thread of its own ({@code outbox-delivery}), so that a slow provider
 * (an HTTP call may take up to its timeout, an SMS tens of seconds) never holds up the scheduler or the
 * detection engine. A pass starts at once when {@link #wake()} is called (a notification was queued) and
 * otherwise after {@code idle} of machine time without one (retries, holds and fallbacks fall due by the
 * clock alone). A pass pumps until nothing more is due. Thread-safe.
 */
public final class OutboxDelivery implements AutoCloseable {

    /** How long {@link #close()} lets a channel call under way finish before interrupting it. */
    static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final OutboxPump pump;
    private final long idleNanos;
    private final Thread thread;
    /** Passes asked for, and the last of them that has finished; guarded by {@code this}. */
    private long requested;
    private long finished;
    private boolean closed;

    private OutboxDelivery(OutboxPump pump, Duration idle) {
        this.pump = pump;
        this.idleNanos = idle.toNanos();
        this.thread = new Thread(this::run, "outbox-delivery");
        thread.setDaemon(true);
    }

    /**
     * Starts the delivery thread.
     *
     * @param idle how long the thread waits without a {@link #wake()} before it pumps anyway (at least 1 ms)
     */
    public static OutboxDelivery start(OutboxPump pump, Duration idle) {
        Objects.requireNonNull(pump, "pump");
        if (idle.toMillis() < 1) {
            throw new IllegalArgumentException("idle must be at least 1 ms, got " + idle);
        }
        OutboxDelivery d = new OutboxDelivery(pump, idle);
        d.thread.start();
        return d;
    }

    /** Asks for a pass now (or right after the one under way); does not wait. */
    public synchronized void wake() {
        requested++;
        notifyAll();
    }

    /**
     * Asks for a pass and waits until one that started after this call has finished: everything due at
     * the clock's time of the call has been tried once. Simulations call it after advancing their clock.
     *
     * @return false when the pass did not finish within {@code timeout}, or the delivery is closed
     */
    public synchronized boolean awaitPass(Duration timeout) throws InterruptedException {
        long target = ++requested;
        notifyAll();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (finished < target && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return finished >= target;
    }

    private void run() {
        while (true) {
            long target;
            synchronized (this) {
                long deadline = System.nanoTime() + idleNanos;
                while (!closed && requested == finished) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        requested++; // the idle pass
                        break;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    } catch (InterruptedException e) {
                        closed = true;
                    }
                }
                if (closed) {
                    notifyAll();
                    return;
                }
                target = requested;
            }
            pumpUntilIdle();
            synchronized (this) {
                finished = target;
                notifyAll();
            }
        }
    }

    private void pumpUntilIdle() {
        try {
            while (pump.pumpDue() >= OutboxPump.MAX_CALLS_PER_PUMP && !isClosed()) {
                Thread.onSpinWait(); // a backlog: the next slice at once
            }
        } catch (RuntimeException e) {
            // A database error: the rows stay in the outbox and the next pass tries again.
            Logger.error(e, "outbox: delivery pass failed");
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Stops the thread; a channel call under way may finish within {@link #STOP_GRACE}, else it is interrupted. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        thread.join(STOP_GRACE.toMillis());
        if (thread.isAlive()) {
            Logger.warn("outbox: a delivery still running after {}; interrupting it (the row is sent again at the next start)",
                    STOP_GRACE);
            thread.interrupt();
            thread.join(STOP_GRACE.toMillis());
        }
    }
}
