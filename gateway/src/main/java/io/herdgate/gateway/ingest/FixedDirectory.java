package io.herdgate.gateway.ingest;

import io.herdgate.protocol.frame.CollarEui;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A {@link CollarDirectory} that never changes (demo, replay, tests). */
final class FixedDirectory implements CollarDirectory {

    private final Map<CollarEui, Pairing> byEui;

    private FixedDirectory(Map<CollarEui, Pairing> byEui) {
        this.byEui = byEui;
    }

    static FixedDirectory of(Collection<Pairing> pairings) {
        return new FixedDirectory(Map.copyOf(pairings.stream()
                .collect(Collectors.toMap(Pairing::eui, Function.identity()))));
    }

    @Override
    public Optional<Pairing> pairing(CollarEui eui) {
        return Optional.ofNullable(byEui.get(eui));
    }

    @Override
    public int size() {
        return byEui.size();
    }
}
