package io.herdgate.gateway.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Critical rows just committed to the outbox, handed to the delivery workers in memory so that their first
 * send reads and writes nothing in the database between the commit and the channel call. Bounded: when
 * {@link #CAPACITY} rows wait, a further row is not taken and a worker finds it by the database poll
 * instead (nothing is lost, it is only slower). Every row here is also {@code pending} in the database,
 * so losing this queue (a kill, a power cut) loses nothing. In the order they were committed. Thread-safe.
 */
final class Handoff {

    /** Rows waiting at most: a cow-down burst is a few dozen; more than this is a backlog the poll drains. */
    static final int CAPACITY = 64;

    private final List<OutboxEntry> waiting = new ArrayList<>();

    /** Takes {@code e} (pending, due now); false when {@link #CAPACITY} rows wait already. */
    synchronized boolean offer(OutboxEntry e) {
        if (waiting.size() >= CAPACITY) {
            return false;
        }
        waiting.add(e);
        return true;
    }

    /** Removes and returns the oldest row that {@code ready} accepts. */
    synchronized Optional<OutboxEntry> take(Predicate<OutboxEntry> ready) {
        for (int i = 0; i < waiting.size(); i++) {
            if (ready.test(waiting.get(i))) {
                return Optional.of(waiting.remove(i));
            }
        }
        return Optional.empty();
    }

    /** Whether a row that {@code ready} accepts is waiting. */
    synchronized boolean any(Predicate<OutboxEntry> ready) {
        return waiting.stream().anyMatch(ready);
    }

    /** Forgets row {@code id} (claimed through the database, cancelled or dropped meanwhile). */
    synchronized void remove(OutboxId id) {
        waiting.removeIf(e -> e.id().equals(id));
    }

    synchronized int size() {
        return waiting.size();
    }
}
