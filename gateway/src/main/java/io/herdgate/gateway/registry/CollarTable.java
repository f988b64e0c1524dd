package io.herdgate.gateway.registry;

import io.herdgate.gateway.ingest.Pairing;
import io.herdgate.gateway.store.CollarRecord;
import io.herdgate.gateway.store.Collars;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.PairingHistory;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The collar table read straight from the database: safe beside a running gateway (SQLite WAL lets a
 * second process read while the gateway writes), so {@code herdgate collars} works whether the gateway
 * runs or not.
 */
public final class CollarTable {

    private CollarTable() {
    }

    /** Every known collar, paired ones first by cow, then spare and retired ones by EUI; immutable. */
    public static List<CollarView> read(Database db) {
        Map<CollarEui, CowId> cowOf = PairingHistory.of(db).current().stream()
                .collect(Collectors.toMap(Pairing::eui, Pairing::cow));
        return Collars.of(db).all().stream()
                .map(r -> view(r, Optional.ofNullable(cowOf.get(r.eui()))))
                .sorted(ORDER)
                .toList();
    }

    private static CollarView view(CollarRecord r, Optional<CowId> cow) {
        return CollarView.of(r.eui(), cow, r.batteryMv(), r.rssiDbm(), r.lastSeen(), r.firmware(), r.use());
    }

    /** Cow names as farmers number them: "9" before "10"; names that are not plain numbers after those. */
    private static final Comparator<String> COW_NAMES = Comparator
            .comparing((String s) -> s.chars().allMatch(Character::isDigit) ? s.length() : Integer.MAX_VALUE)
            .thenComparing(Comparator.naturalOrder());

    private static final Comparator<CollarView> ORDER = Comparator
            .comparing((CollarView v) -> v.cow().isEmpty())
            .thenComparing(v -> v.cow().map(CowId::value).orElse(""), COW_NAMES)
            .thenComparing(CollarView::eui);
}
