package io.herdgate.protocol.session;

import io.herdgate.protocol.frame.CollarEui;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link CounterStore} in memory, for tests, tools and simulated collars; forgets on restart. */
public final class InMemoryCounterStore implements CounterStore {

    /**
     * One map per stream (a save allocates no compound key), holding one slot per collar: a save, once per
     * received frame, is a lock-free map read and a release store into the slot, where replacing the map's
     * value would lock the map's bin and fence the write.
     */
    private final Map<CounterStream, ConcurrentMap<CollarEui, AtomicReference<CounterState>>> states =
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
        AtomicReference<CounterState> slot = states.get(stream).get(eui);
        return Optional.ofNullable(slot == null ? null : slot.getAcquire());
    }

    @Override
    public void save(CollarEui eui, CounterStream stream, CounterState state) {
        ConcurrentMap<CollarEui, AtomicReference<CounterState>> map = states.get(stream);
        AtomicReference<CounterState> slot = map.get(eui);
        if (slot == null) {
            slot = map.computeIfAbsent(eui, e -> new AtomicReference<>());
        }
        slot.setRelease(state);
    }

    @Override
    public void clear(CollarEui eui, CounterStream stream) {
        states.get(stream).remove(eui);
    }
}
