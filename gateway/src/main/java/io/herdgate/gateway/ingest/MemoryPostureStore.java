package io.herdgate.gateway.ingest;

import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.series.CowId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PostureStore#inMemory()}. */
final class MemoryPostureStore implements PostureStore {

    private final Map<CowId, PostureReference> references = new ConcurrentHashMap<>();

    @Override
    public Map<CowId, PostureReference> loadAll() {
        return Map.copyOf(references);
    }

    @Override
    public void saveAll(Map<CowId, PostureReference> saved) {
        references.putAll(saved);
    }
}
