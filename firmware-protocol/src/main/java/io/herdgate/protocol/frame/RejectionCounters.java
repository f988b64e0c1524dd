package io.herdgate.protocol.frame;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts rejected frames by reason. Thread-safe: decoders on several threads may record into one
 * instance while a monitor takes snapshots.
 */
public final class RejectionCounters {

    private static final RejectReason[] REASONS = RejectReason.values();

    private final AtomicLongArray counts = new AtomicLongArray(REASONS.length);

    private RejectionCounters() {
    }

    public static RejectionCounters create() {
        return new RejectionCounters();
    }

    /** Counts one rejection for {@code reason}. */
    public void record(RejectReason reason) {
        counts.incrementAndGet(reason.ordinal());
    }

    /** Counts the result if it is a rejection, and returns it unchanged. */
    public DecodeResult record(DecodeResult result) {
        if (result instanceof Rejected r) {
            record(r.reason());
        }
        return result;
    }

    /** The count for one reason. */
    public long count(RejectReason reason) {
        return counts.get(reason.ordinal());
    }

    /** The sum over all reasons. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < REASONS.length; i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /**
     * An immutable copy of the counts, every reason present (zero when none), in declaration order.
     * Each count is read atomically; counts recorded during the copy may or may not be included.
     */
    public Map<RejectReason, Long> snapshot() {
        EnumMap<RejectReason, Long> copy = new EnumMap<>(RejectReason.class);
        for (int i = 0; i < REASONS.length; i++) {
            copy.put(REASONS[i], counts.get(i));
        }
        return Collections.unmodifiableMap(copy);
    }
}
