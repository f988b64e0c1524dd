package io.herdgate.gateway.link;

import java.time.Duration;

/** Waits between reconnect attempts: {@code first}, doubling per failure, capped at {@code max}. Not thread-safe. */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The wait before the next attempt; each call doubles the following one up to the cap. */
    Duration next() {
        Duration d = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return d;
    }

    /** After a success: the next failure waits {@code first} again. */
    void reset() {
        next = first;
    }
}
