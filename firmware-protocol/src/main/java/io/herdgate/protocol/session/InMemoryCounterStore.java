package io.herdgate.protocol.session;

import io.herdgate.protocol.frame.CollarEui;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link CounterStore} in memory, for tests, tools and simulated collars; forgets on restart. */
public final class InMemoryCounterStore implements CounterStore {

    private record Key(CollarEui eui, CounterStream stream) {
    }

    private final ConcurrentMap<Key, CounterState> states = new ConcurrentHashMap<>();

    private InMemoryCounterStore() {
    }

    public static InMemoryCounterStore create() {
        return new InMemoryCounterStore();
    }

    @Override
    public Optional<CounterState> load(CollarEui eui, CounterStream stream) {
        return Optional.ofNullable(states.get(new Key(eui, stream)));
    }

    @Override
    public void save(CollarEui eui, CounterStream stream, CounterState state) {
        states.put(new Key(eui, stream), state);
    }

    @Override
    public void clear(CollarEui eui, CounterStream stream) {
        states.remove(new Key(eui, stream));
    }
}
