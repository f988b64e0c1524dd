package io.herdgate.gateway.store;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.session.CounterState;
import io.herdgate.protocol.session.CounterStore;
import io.herdgate.protocol.session.CounterStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Frame counters for the running gateway: uplink counters are kept in memory and written to
 * {@link SqliteCounterStore} in one transaction at most every {@link FlushPolicy#interval()}, and at
 * {@link #close()}; downlink counters and join nonces are written through at once. Memory is bounded by
 * the number of collars (one state each), so the policy's row limit does not apply.
 *
 * <p>Why: one fsync per accepted frame cost ~5 kB of SD-card writes per frame (≈ 190 MB/h for 100 cows)
 * and capped ingest at a few hundred frames/s. Written behind on the feature history's policy, the counters
 * on disk are as old as the per-minute data on disk, never older. What it gives up, after a power cut or
 * kill -9 only: a frame accepted within the last interval before the cut could be accepted once more if
 * recorded and replayed; it would only add back the minutes the cut lost. A clean stop flushes everything,
 * so after a restart every replayed frame is rejected. Downlink counters stay written through because a
 * reused downlink counter would reuse an AES-CTR keystream; join nonces because a replayed join request
 * must never open a session.
 *
 * <p>A power cut or kill -9 therefore loses, of the uplink counters and their frame counts
 * ({@link SqliteCounterStore#uplinkTally}), what was accepted since the last flush: at most the interval
 * plus the period of the timer that calls {@link #flushIfDue()} (a herd gone quiet makes no saves that
 * would flush).
 *
 * <p>Saves come from the ingest thread; {@link #flush()}, {@link #flushIfDue()} and {@link #close()} may
 * come from any thread. Flushes and clears are serialised (one at a time, in order), so a batch written
 * later is never older than one written before, and a clear at a join is never undone by a batch in
 * flight; until its batch is on disk, {@link #load} answers from it.
 */
public final class WriteBehindCounterStore implements CounterStore, AutoCloseable {

    private final SqliteCounterStore store;
    private final FlushPolicy policy;
    private final Clock clock;
    private final Map<CounterKey, CounterState> pending = new HashMap<>();
    /** Uplink frames accepted per stream since the last flush. */
    private final Map<CounterKey, Long> accepted = new HashMap<>();
    /** The batch being written (guarded by {@code this}); empty between flushes. */
    private Map<CounterKey, CounterState> inFlight = Map.of();
    /** Held for a whole flush or clear: batches reach the disk in the order they were taken. */
    private final Object writing = new Object();
    private Instant lastFlush;

    private WriteBehindCounterStore(SqliteCounterStore store, FlushPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.lastFlush = clock.instant();
    }

    public static WriteBehindCounterStore of(SqliteCounterStore store, FlushPolicy policy, Clock clock) {
        return new WriteBehindCounterStore(store, policy, clock);
    }

    @Override
    public Optional<CounterState> load(CollarEui eui, CounterStream stream) {
        synchronized (this) {
            CounterKey key = CounterKey.of(eui, stream);
            CounterState s = pending.get(key);
            if (s == null) {
                s = inFlight.get(key); // taken by a flush, maybe not on disk yet
            }
            if (s != null) {
                return Optional.of(s);
            }
        }
        return store.load(eui, stream);
    }

    @Override
    public void save(CollarEui eui, CounterStream stream, CounterState state) {
        if (stream != CounterStream.UPLINK) {
            store.save(eui, stream, state);
            return;
        }
        CounterKey key = CounterKey.of(eui, stream);
        synchronized (this) {
            pending.put(key, state);
            accepted.merge(key, 1L, Long::sum);
        }
        flushIfDue();
    }

    /** Writes the pending states if the policy's interval has passed; call it from a timer too. */
    public void flushIfDue() {
        boolean due;
        synchronized (this) {
            Instant now = clock.instant();
            // A clock stepped backwards must not hold writes back for longer than the interval.
            due = !pending.isEmpty() && (!now.isBefore(lastFlush.plus(policy.interval())) || now.isBefore(lastFlush));
        }
        if (due) {
            flush();
        }
    }

    @Override
    public void clear(CollarEui eui, CounterStream stream) {
        synchronized (writing) {
            synchronized (this) {
                pending.remove(CounterKey.of(eui, stream));
                accepted.remove(CounterKey.of(eui, stream));
            }
            store.clear(eui, stream);
        }
    }

    /** Uplink states not yet on disk. */
    public synchronized int pending() {
        return pending.size();
    }

    /** Writes every pending state in one transaction. */
    public void flush() {
        synchronized (writing) {
            Map<CounterKey, CounterState> batch;
            Map<CounterKey, Long> counts;
            synchronized (this) {
                batch = Map.copyOf(pending);
                counts = Map.copyOf(accepted);
                inFlight = batch;
                pending.clear();
                accepted.clear();
                lastFlush = clock.instant();
            }
            try {
                store.saveAll(batch, counts);
            } catch (StoreException e) {
                synchronized (this) {
                    batch.forEach(pending::putIfAbsent); // keep them for the next attempt, newer states win
                    counts.forEach((k, n) -> accepted.merge(k, n, Long::sum));
                }
                throw e;
            } finally {
                synchronized (this) {
                    inFlight = Map.of();
                }
            }
        }
    }

    @Override
    public void close() {
        flush();
    }
}
