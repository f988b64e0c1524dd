package io.herdgate.gateway.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * How long history stays in the database, pruned once a day.
 *
 * @param features per-minute activity history, 7..3650 days (charts, vets' look-backs)
 * @param runAt    local time of the daily prune (a quiet time for the SD card)
 */
public record RetentionConfig(Duration features, LocalTime runAt) {

    public static final int MIN_DAYS = 7;
    public static final int MAX_DAYS = 3650;
    public static final RetentionConfig DEFAULT = new RetentionConfig(Duration.ofDays(400), LocalTime.of(3, 30));

    public RetentionConfig {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(runAt, "runAt");
        if (features.toDays() < MIN_DAYS || features.toDays() > MAX_DAYS) {
            throw new IllegalArgumentException("features must be kept " + MIN_DAYS + ".." + MAX_DAYS + " days, got " + features);
        }
    }

    public static RetentionConfig of(Duration features, LocalTime runAt) {
        return new RetentionConfig(features, runAt);
    }
}
