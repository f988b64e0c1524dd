package io.herdgate.gateway.store;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock of the database's one connection: reentrant, taken in the order asked for, except that a thread
 * asking for it {@linkplain #lock(boolean) ahead} is served before every thread waiting without (in order
 * among themselves). An alarm's transaction thus waits for the transaction under way only, never for a
 * queue of the ingest's bulk writes. So that a steady stream of such turns (sixteen delivery workers draining a
 * backlog) cannot hold the ingest off for good, after {@link #MOST_AHEAD_IN_A_ROW} turns served ahead while a
 * thread waited in order, that thread goes next. Not interruptible, like {@link ReentrantLock#lock()}.
 */
final class Turns {

    /** Turns served ahead in a row while a thread waits in order, before that thread goes. */
    static final int MOST_AHEAD_IN_A_ROW = 8;

    private final ReentrantLock guard = new ReentrantLock();
    private final Condition freed = guard.newCondition();
    private volatile Thread owner;
    private int holds;
    /** Tickets handed out and served, per class; guarded by {@link #guard}. */
    private long aheadTickets;
    private long aheadServed;
    private long inOrderTickets;
    private long inOrderServed;
    private int aheadInARow;

    /** Takes the lock; {@code ahead}: before every thread waiting without. */
    void lock(boolean ahead) {
        Thread me = Thread.currentThread();
        guard.lock();
        try {
            if (owner == me) {
                holds++;
                return;
            }
            long ticket = ahead ? aheadTickets++ : inOrderTickets++;
            while (owner != null || !mayGo(ahead, ticket)) {
                freed.awaitUninterruptibly();
            }
            if (ahead) {
                aheadServed++;
                aheadInARow = inOrderTickets > inOrderServed ? aheadInARow + 1 : 0;
            } else {
                inOrderServed++;
                aheadInARow = 0;
            }
            owner = me;
            holds = 1;
        } finally {
            guard.unlock();
        }
    }

    /** Whether the holder of {@code ticket} in its class is next; under {@link #guard}. */
    private boolean mayGo(boolean ahead, long ticket) {
        boolean inOrderDue = aheadInARow >= MOST_AHEAD_IN_A_ROW && inOrderTickets > inOrderServed;
        return ahead ? ticket == aheadServed && !inOrderDue
                : ticket == inOrderServed && (aheadServed == aheadTickets || inOrderDue);
    }

    void unlock() {
        guard.lock();
        try {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("the database lock is not held by " + Thread.currentThread().getName());
            }
            if (--holds == 0) {
                owner = null;
                freed.signalAll();
            }
        } finally {
            guard.unlock();
        }
    }

    /** Safe without the guard: only this thread sets the owner to itself, and it sees its own clearing. */
    boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }
}
