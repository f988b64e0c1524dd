package io.herdgate.gateway.ingest;

import io.herdgate.protocol.frame.CollarEui;
import java.util.List;

/**
 * Where collar sessions survive a gateway restart: without them every collar's data frames would be
 * refused as unknown until it joins again, and nothing makes a joined collar join again. Saved when a
 * join is granted, removed when the collar is unpaired or re-keyed, all loaded when the pipeline is
 * built. Implementations are safe for use from several threads; a save must be durable when it returns.
 */
public interface SessionStore {

    /** A store in memory: sessions last as long as it does (tests, simulations). */
    static SessionStore inMemory() {
        return new MemorySessionStore();
    }

    /** Every saved session, one per collar, in no particular order; immutable. */
    List<SavedSession> loadAll();

    /** Saves the collar's session, replacing the one it had. */
    void save(SavedSession session);

    /** Forgets the collar's session; nothing happens if it has none. */
    void remove(CollarEui eui);
}
