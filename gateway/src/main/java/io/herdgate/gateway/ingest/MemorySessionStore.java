package io.herdgate.gateway.ingest;

import io.herdgate.protocol.frame.CollarEui;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SessionStore#inMemory()}. */
final class MemorySessionStore implements SessionStore {

    private final Map<CollarEui, SavedSession> sessions = new ConcurrentHashMap<>();

    @Override
    public List<SavedSession> loadAll() {
        return List.copyOf(sessions.values());
    }

    @Override
    public void save(SavedSession session) {
        sessions.put(session.eui(), session);
    }

    @Override
    public void remove(CollarEui eui) {
        sessions.remove(eui);
    }
}
