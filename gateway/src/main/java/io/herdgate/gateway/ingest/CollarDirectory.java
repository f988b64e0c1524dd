package io.herdgate.gateway.ingest;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.join.RootKeys;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which collars this gateway knows and which cow wears each. Immutable. */
public final class CollarDirectory implements RootKeys {

    private final Map<CollarEui, Pairing> byEui;

    private CollarDirectory(Map<CollarEui, Pairing> byEui) {
        this.byEui = byEui;
    }

    /** A directory of these pairings; one pairing per collar. */
    public static CollarDirectory of(Collection<Pairing> pairings) {
        return new CollarDirectory(Map.copyOf(pairings.stream()
                .collect(Collectors.toMap(Pairing::eui, Function.identity()))));
    }

    public Optional<Pairing> pairing(CollarEui eui) {
        return Optional.ofNullable(byEui.get(eui));
    }

    @Override
    public Optional<AesKey> rootKey(CollarEui eui) {
        return pairing(eui).map(Pairing::rootKey);
    }

    public int size() {
        return byEui.size();
    }
}
