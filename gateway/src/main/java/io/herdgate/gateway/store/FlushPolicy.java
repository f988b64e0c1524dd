package io.herdgate.gateway.store;

import java.time.Duration;
import java.util.Objects;

/**
 * When buffered feature rows are written: after {@code interval} since the last write or once
 * {@code maxRows} are waiting, whichever comes first. Longer intervals mean fewer, fuller pages written
 * to the SD card, and more rows lost on a power cut.
 *
 * @param interval 1 s .. 1 h
 * @param maxRows  1 .. 1,000,000
 */
public record FlushPolicy(Duration interval, int maxRows) {

    /** Every 5 minutes or 2,000 rows (20 minutes of 100 cows). */
    public static final FlushPolicy DEFAULT = new FlushPolicy(Duration.ofMinutes(5), 2_000);

    public FlushPolicy {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("flush interval must be 1 s..1 h: " + interval);
        }
        if (maxRows < 1 || maxRows > 1_000_000) {
            throw new IllegalArgumentException("flush maxRows must be 1..1000000: " + maxRows);
        }
    }

    public static FlushPolicy of(Duration interval, int maxRows) {
        return new FlushPolicy(interval, maxRows);
    }
}
