package io.herdgate.gateway.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * Runs an {@link OutboxPump} on a few worker threads of its own ({@code outbox-delivery-1} ...), so that a slow
 * provider (an HTTP call may take up to its timeout, an SMS tens of seconds) never holds up the scheduler or
 * the detection engine, and alarms raised together to different recipients go out together instead of one
 * after another. Every worker passes at once when {@link #wake()} is called (a notification was queued);
 * the first also after {@code idle} of machine time without one (retries, holds and fallbacks fall due by the
 * clock alone), and a worker that claims a row while another is ready wakes the others. A pass pumps until
 * nothing more is due for that worker. Thread-safe.
 */
public final class OutboxDelivery implements AutoCloseable {

    /** How long {@link #close()} lets channel calls under way finish before interrupting them. */
    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /**
     * Workers the gateway runs: a burst of critical alarms to up to sixteen different numbers goes out at once
     * (a send holds its worker for the HTTP call and the commits recording it, tens to hundreds of ms under
     * load; in the alarm-latency harness a catch-up raised 12 at once, and with 8 workers the last four waited
     * some 250 ms for one); an idle worker costs a parked thread.
     */
    public static final int WORKERS = 16;
    /** At most this many workers. */
    public static final int MAX_WORKERS = 16;

    private final OutboxPump pump;
    private final long idleNanos;
    private final List<Thread> threads = new ArrayList<>();
    /** Passes asked for, and per worker the last asked for that it has finished; guarded by {@code this}. */
    private long requested;
    private final long[] finished;
    private boolean closed;

    private OutboxDelivery(OutboxPump pump, Duration idle, int workers) {
        this.pump = pump;
        this.idleNanos = idle.toNanos();
        this.finished = new long[workers];
        for (int i = 0; i < workers; i++) {
            int worker = i;
            Thread t = new Thread(() -> run(worker), "outbox-delivery-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
        }
    }

    /**
     * Starts the delivery workers.
     *
     * @param idle    how long the first worker waits without a {@link #wake()} before it pumps anyway (at least 1 ms)
     * @param workers how many threads call channels at once, 1..{@link #MAX_WORKERS}
     */
    public static OutboxDelivery start(OutboxPump pump, Duration idle, int workers) {
        Objects.requireNonNull(pump, "pump");
        if (idle.toMillis() < 1) {
            throw new IllegalArgumentException("idle must be at least 1 ms, got " + idle);
        }
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("delivery workers must be 1.." + MAX_WORKERS + ", got " + workers);
        }
        OutboxDelivery d = new OutboxDelivery(pump, idle, workers);
        d.threads.forEach(Thread::start);
        return d;
    }

    /** Asks every worker for a pass now (or right after the one under way); does not wait. */
    public synchronized void wake() {
        requested++;
        notifyAll();
    }

    /**
     * Asks for a pass and waits until every worker has finished one that started after this call: everything
     * due at the clock's time of the call has been tried once. Simulations call it after advancing their clock.
     *
     * @return false when the passes did not finish within {@code timeout}, or the delivery is closed
     */
    public synchronized boolean awaitPass(Duration timeout) throws InterruptedException {
        long target = ++requested;
        notifyAll();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allFinished(target) && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return allFinished(target);
    }

    private boolean allFinished(long target) {
        for (long f : finished) {
            if (f < target) {
                return false;
            }
        }
        return true;
    }

    private void run(int worker) {
        while (true) {
            long target;
            synchronized (this) {
                long deadline = System.nanoTime() + idleNanos;
                boolean idlePass = false;
                while (!closed && requested == finished[worker] && !idlePass) {
                    try {
                        if (worker > 0) {
                            wait();
                            continue;
                        }
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            idlePass = true; // the first worker's pass by the clock; the others stay asleep
                        } else {
                            TimeUnit.NANOSECONDS.timedWait(this, left);
                        }
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
                finished[worker] = target;
                notifyAll();
            }
        }
    }

    private void pumpUntilIdle() {
        try {
            while (pump.pumpDue(this::wake) >= OutboxPump.MAX_CALLS_PER_PUMP && !isClosed()) {
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

    /** Stops the workers; calls under way may finish within {@link #STOP_GRACE}, else they are interrupted. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        for (Thread t : threads) {
            if (t.isAlive()) {
                Logger.warn("outbox: {} still sending after {}; interrupting it (the row is sent again at the next start)",
                        t.getName(), STOP_GRACE);
                t.interrupt();
                t.join(STOP_GRACE.toMillis());
            }
        }
    }
}
