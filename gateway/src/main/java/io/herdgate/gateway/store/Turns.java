package io.herdgate.gateway.store;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock of the database's one connection: reentrant, taken in the order asked for, except that a thread
 * asking for it {@linkplain #lock(boolean) ahead} is served before every thread waiting without (in order
 * among themselves). An alarm's transaction thus waits for the transaction under way only, never for a
 * queue of the ingest's bulk writes. Not interruptible, like {@link ReentrantLock#lock()}.
 */
final class Turns {

    private final ReentrantLock guard = new ReentrantLock();
    private final Condition freed = guard.newCondition();
    private volatile Thread owner;
    private int holds;
    /** Tickets handed out and served, per class; guarded by {@link #guard}. */
    private long aheadTickets;
    private long aheadServed;
    private long inOrderTickets;
    private long inOrderServed;

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
            while (owner != null || !(ahead ? ticket == aheadServed : ticket == inOrderServed && aheadServed == aheadTickets)) {
                freed.awaitUninterruptibly();
            }
            if (ahead) {
                aheadServed++;
            } else {
                inOrderServed++;
            }
            owner = me;
            holds = 1;
        } finally {
            guard.unlock();
        }
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
