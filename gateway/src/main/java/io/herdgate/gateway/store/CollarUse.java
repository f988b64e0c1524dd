package io.herdgate.gateway.store;

import java.util.Locale;

/** Where a collar is in its life on the farm. */
public enum CollarUse {
    /** Worn by a cow (it has an open pairing). */
    ACTIVE,
    /** Known and keyed, on the shelf: never paired, or taken off a cow. */
    SPARE,
    /** Out of service; kept for the cows' history. */
    RETIRED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CollarUse ofColumn(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
