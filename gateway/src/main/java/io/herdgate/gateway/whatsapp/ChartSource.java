package io.herdgate.gateway.whatsapp;

import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.Optional;

/**
 * The picture shown above an alarm: a PNG chart of one cow's recent activity against her baseline.
 * Implemented by the chart renderer; thread-safe.
 */
@FunctionalInterface
public interface ChartSource {

    /** PNG bytes (a fresh array) of {@code cow}'s activity up to {@code until}; empty when there is no data. */
    Optional<byte[]> activityPng(CowId cow, Instant until);

    /** A source without charts: alarms go out with a plain "no chart" picture. */
    static ChartSource none() {
        return (cow, until) -> Optional.empty();
    }
}
