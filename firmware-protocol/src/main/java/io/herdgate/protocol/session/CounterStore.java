package io.herdgate.protocol.session;

import io.herdgate.protocol.frame.CollarEui;
import java.util.Optional;

/**
 * Where counters survive restarts: a gateway that forgot them would accept replayed frames, a collar
 * that forgot them would have its frames rejected. Implementations must be safe for concurrent use by
 * sessions of different collars; one collar's stream is written by one session at a time.
 */
public interface CounterStore {

    /** The last state saved for the collar's stream, empty if none (a new session). */
    Optional<CounterState> load(CollarEui eui, CounterStream stream);

    /** Saves the state; after a crash, {@link #load} returns this or a later state. */
    void save(CollarEui eui, CounterStream stream, CounterState state);

    /** Forgets the collar's stream (a new join starts frame counters afresh). */
    void clear(CollarEui eui, CounterStream stream);
}
