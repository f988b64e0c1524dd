package io.herdgate.protocol.serial;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of a {@link Deframer}'s counters since it was created.
 *
 * @param bytes    bytes fed
 * @param accepted records accepted
 * @param rejected rejections by reason; every reason present, zero included
 */
public record DeframerCounters(long bytes, long accepted, Map<Rejection, Long> rejected) {

    public DeframerCounters {
        EnumMap<Rejection, Long> all = new EnumMap<>(Rejection.class);
        for (Rejection r : Rejection.values()) {
            all.put(r, rejected.getOrDefault(r, 0L));
        }
        rejected = Collections.unmodifiableMap(all);
    }

    public static DeframerCounters of(long bytes, long accepted, Map<Rejection, Long> rejected) {
        return new DeframerCounters(bytes, accepted, rejected);
    }

    /** Rejections for one reason. */
    public long rejected(Rejection reason) {
        return rejected.get(reason);
    }

    /** Rejections for all reasons together. */
    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
