package io.herdgate.gateway.metrics;

import java.util.concurrent.atomic.LongAdder;

/** A count that only goes up (events since start). Thread-safe; cheap under contention. */
public final class Counter {

    private final LongAdder count = new LongAdder();

    Counter() {
    }

    public void inc() {
        count.increment();
    }

    /**
     * Adds {@code n} events.
     *
     * @throws IllegalArgumentException when {@code n} is negative (a counter never goes down)
     */
    public void add(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a counter only goes up; cannot add " + n);
        }
        count.add(n);
    }

    public long value() {
        return count.sum();
    }
}
