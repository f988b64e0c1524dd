package io.herdgate.gateway.outbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** Ids {@link #remove removed} before they were offered, newest last; at most this many are remembered. */
    static final int GONE = 256;

    private final List<OutboxEntry> waiting = new ArrayList<>();
    /**
     * Rows the poll claimed (or a cancel took) in the moment between their commit and their offer: their offer,
     * when it comes, must not hand them out a second time.
     */
    private final Set<OutboxId> gone = new LinkedHashSet<>();

    /**
     * Takes {@code e} (pending, due now); false when {@link #CAPACITY} rows wait already. A row already removed
     * (claimed by the poll first) is not taken, and true is returned: there is nothing left to hand out.
     */
    synchronized boolean offer(OutboxEntry e) {
        if (gone.remove(e.id())) {
            return true;
        }
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

    /** Forgets row {@code id} (claimed through the database, or cancelled), also if its offer is still to come. */
    synchronized void remove(OutboxId id) {
        if (!waiting.removeIf(e -> e.id().equals(id))) {
            gone.add(id);
            if (gone.size() > GONE) {
                Iterator<OutboxId> eldest = gone.iterator();
                eldest.next();
                eldest.remove();
            }
        }
    }

    synchronized int size() {
        return waiting.size();
    }
}
