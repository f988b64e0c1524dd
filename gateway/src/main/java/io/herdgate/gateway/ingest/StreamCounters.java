package io.herdgate.gateway.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Sample batches counted by {@link Continuity}. Thread-safe: the ingest thread counts, anyone reads. */
final class StreamCounters {

    private static final Continuity[] ALL = Continuity.values();

    private final AtomicLongArray counts = new AtomicLongArray(ALL.length);

    void record(Continuity c) {
        counts.incrementAndGet(c.ordinal());
    }

    /** Every {@link Continuity} by its lower-case name, in declaration order; immutable. */
    Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Continuity c : ALL) {
            m.put(c.name().toLowerCase(Locale.ROOT), counts.get(c.ordinal()));
        }
        return Collections.unmodifiableMap(m);
    }
}
