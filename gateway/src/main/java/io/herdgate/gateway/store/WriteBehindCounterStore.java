package io.herdgate.gateway.store;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.session.CounterState;
import io.herdgate.protocol.session.CounterStore;
import io.herdgate.protocol.session.CounterStream;
import java.time.Clock;
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
    /**
     * Uplink streams saved since the last flush: last state and frames accepted, one entry per collar, so a
     * frame's save is one look-up by EUI (whose equals and hashCode are written out; the key record's are
     * method handles, slow under C1) and no allocation once the collar has an entry. The state is kept as
     * values, not the caller's object: held until the collar's next frame, that object would outlive a young
     * collection of a busy gateway and be promoted, only to die in the old generation.
     */
    private final Map<CollarEui, Pending> pending = new HashMap<>();
    /** The batch being written (guarded by {@code this}); empty between flushes. */
    private Map<CounterKey, CounterState> inFlight = Map.of();
    /** Held for a whole flush or clear: batches reach the disk in the order they were taken. */
    private final Object writing = new Object();
    /** Clock millis of the last flush. */
    private long lastFlush;

    private WriteBehindCounterStore(SqliteCounterStore store, FlushPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.lastFlush = clock.millis();
    }

    public static WriteBehindCounterStore of(SqliteCounterStore store, FlushPolicy policy, Clock clock) {
        return new WriteBehindCounterStore(store, policy, clock);
    }

    @Override
    public Optional<CounterState> load(CollarEui eui, CounterStream stream) {
        synchronized (this) {
            Pending p = stream == CounterStream.UPLINK ? pending.get(eui) : null;
            // Else taken by a flush, maybe not on disk yet.
            CounterState s = p != null ? p.state() : inFlight.get(CounterKey.of(eui, stream));
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
        synchronized (this) {
            Pending p = pending.get(eui);
            if (p == null) {
                pending.put(eui, new Pending(state, 1));
            } else {
                p.counter = state.counter();
                p.mic = state.mic();
                p.frames++;
            }
        }
        flushIfDue();
    }

    /** Writes the pending states if the policy's interval has passed; call it from a timer too. */
    public void flushIfDue() {
        boolean due;
        synchronized (this) {
            long now = clock.millis();
            // A clock stepped backwards must not hold writes back for longer than the interval.
            due = !pending.isEmpty() && (now - lastFlush >= policy.interval().toMillis() || now < lastFlush);
        }
        if (due) {
            flush();
        }
    }

    @Override
    public void clear(CollarEui eui, CounterStream stream) {
        synchronized (writing) {
            if (stream == CounterStream.UPLINK) {
                synchronized (this) {
                    pending.remove(eui);
                }
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
                batch = new HashMap<>(pending.size() * 2);
                counts = new HashMap<>(pending.size() * 2);
                pending.forEach((eui, p) -> {
                    CounterKey key = CounterKey.of(eui, CounterStream.UPLINK);
                    batch.put(key, p.state());
                    counts.put(key, p.frames);
                });
                inFlight = batch;
                pending.clear();
                lastFlush = clock.millis();
            }
            try {
                store.saveAll(batch, counts);
            } catch (StoreException e) {
                synchronized (this) {
                    // Kept for the next attempt: newer states win, frame counts add up.
                    batch.forEach((k, state) -> {
                        Pending newer = pending.get(k.eui());
                        if (newer == null) {
                            pending.put(k.eui(), new Pending(state, counts.get(k)));
                        } else {
                            newer.frames += counts.get(k);
                        }
                    });
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

    /** One collar's uplink stream since the last flush (guarded by the store). */
    private static final class Pending {
        long counter;
        int mic;
        long frames;

        Pending(CounterState state, long frames) {
            this.counter = state.counter();
            this.mic = state.mic();
            this.frames = frames;
        }

        CounterState state() {
            return CounterState.of(counter, mic);
        }
    }
}
