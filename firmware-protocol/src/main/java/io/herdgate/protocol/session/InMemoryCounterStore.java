package io.herdgate.protocol.session;

import io.herdgate.protocol.frame.CollarEui;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link CounterStore} in memory, for tests, tools and simulated collars; forgets on restart. */
public final class InMemoryCounterStore implements CounterStore {

    /** One map per stream, so that a save (once per received frame) allocates no compound key. */
    private final Map<CounterStream, ConcurrentMap<CollarEui, CounterState>> states =
            new EnumMap<>(CounterStream.class);

    private InMemoryCounterStore() {
        for (CounterStream stream : CounterStream.values()) {
            states.put(stream, new ConcurrentHashMap<>());
        }
    }

    public static InMemoryCounterStore create() {
        return new InMemoryCounterStore();
    }

    @Override
    public Optional<CounterState> load(CollarEui eui, CounterStream stream) {
        return Optional.ofNullable(states.get(stream).get(eui));
    }

    @Override
    public void save(CollarEui eui, CounterStream stream, CounterState state) {
        states.get(stream).put(eui, state);
    }

    @Override
    public void clear(CollarEui eui, CounterStream stream) {
        states.get(stream).remove(eui);
    }
}
