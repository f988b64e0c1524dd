package io.herdgate.protocol.firmware;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.ImageId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ProgressStore} in a map, for tests. */
final class MemoryProgressStore implements ProgressStore {

    private final Map<String, UpdateProgress> map = new HashMap<>();

    @Override
    public Optional<UpdateProgress> load(CollarEui collar, ImageId image) {
        return Optional.ofNullable(map.get(collar + "-" + image));
    }

    @Override
    public void save(UpdateProgress p) {
        map.put(p.collar() + "-" + p.image(), p);
    }

    @Override
    public void remove(CollarEui collar, ImageId image) {
        map.remove(collar + "-" + image);
    }

    @Override
    public List<UpdateProgress> all() {
        return List.copyOf(map.values());
    }
}
