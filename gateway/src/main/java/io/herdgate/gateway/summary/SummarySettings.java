package io.herdgate.gateway.summary;

import java.time.LocalTime;
import java.util.Objects;

/**
 * When the daily herd summary goes out and what it looks ahead to.
 *
 * @param at            local time of day in each recipient's zone ({@code alarms.daily_summary})
 * @param lookaheadDays heats expected within this many days after the summary's day are listed, 1..21
 */
public record SummarySettings(LocalTime at, int lookaheadDays) {

    public SummarySettings {
        Objects.requireNonNull(at, "at");
        if (lookaheadDays < 1 || lookaheadDays > 21) {
            throw new IllegalArgumentException("summary lookahead must be 1..21 days: " + lookaheadDays);
        }
    }

    public static SummarySettings of(LocalTime at, int lookaheadDays) {
        return new SummarySettings(at, lookaheadDays);
    }

    /** 07:00, heats expected in the next 3 days. */
    public static SummarySettings defaults() {
        return of(LocalTime.of(7, 0), 3);
    }
}
