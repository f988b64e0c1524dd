package io.herdgate.protocol.firmware;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.ImageId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ProgressStore} in memory: resumes survive a dropped link but not a gateway restart. For tests
 * and one-off updates; thread-safe.
 */
public final class InMemoryProgressStore implements ProgressStore {

    private final Map<Key, UpdateProgress> map = new ConcurrentHashMap<>();

    private InMemoryProgressStore() {
    }

    public static InMemoryProgressStore create() {
        return new InMemoryProgressStore();
    }

    @Override
    public Optional<UpdateProgress> load(CollarEui collar, ImageId image) {
        return Optional.ofNullable(map.get(new Key(collar, image)));
    }

    @Override
    public void save(UpdateProgress p) {
        map.put(new Key(p.collar(), p.image()), p);
    }

    @Override
    public void remove(CollarEui collar, ImageId image) {
        map.remove(new Key(collar, image));
    }

    @Override
    public List<UpdateProgress> all() {
        return List.copyOf(map.values());
    }

    private record Key(CollarEui collar, ImageId image) {
    }
}
