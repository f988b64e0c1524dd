package io.herdgate.gateway.ingest;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.join.RootKeys;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Which collars this gateway knows and which cow wears each, as the pipeline asks it frame by frame.
 * Implementations are safe to call from the ingest thread while pairings change on another thread:
 * {@link #of} is a fixed snapshot, the gateway's live registry ({@code io.herdgate.gateway.registry})
 * follows pairing changes without a restart.
 */
public interface CollarDirectory extends RootKeys {

    /** A fixed directory of these pairings; one pairing per collar. */
    static CollarDirectory of(Collection<Pairing> pairings) {
        return FixedDirectory.of(pairings);
    }

    /** The pairing in force for the collar, empty if it is on no cow. */
    Optional<Pairing> pairing(CollarEui eui);

    /**
     * The pairing under which a collar that has just proved its root key in a join request may join at
     * {@code at}, empty if it may not. A directory in pairing mode may pair the collar now; by default
     * this is {@link #pairing}.
     */
    default Optional<Pairing> admit(CollarEui eui, Instant at) {
        return pairing(eui);
    }

    /**
     * The key join requests from the collar are checked with: the key of its pairing by default. A
     * directory in pairing mode also answers for collars waiting to be admitted.
     */
    @Override
    default Optional<AesKey> rootKey(CollarEui eui) {
        return pairing(eui).map(Pairing::rootKey);
    }

    /** Collars paired now. */
    int size();
}
