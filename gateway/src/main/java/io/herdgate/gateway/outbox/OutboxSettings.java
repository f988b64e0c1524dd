package io.herdgate.gateway.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox stores and retries.
 *
 * @param capacity              unsent rows (pending and in flight) it holds at most, 10..1,000,000
 * @param firstRetry            backoff after the first failed attempt, 1 s..1 h; doubles per attempt
 * @param maxRetry              backoff never exceeds this, at least {@code firstRetry}, at most 1 day
 * @param fallbackAfter         a non-critical row that has not gone out on its channel for this long moves to
 *                              the next channel (WhatsApp → SMS), 0..1 day
 * @param criticalFallbackAfter the same for critical rows, at most {@code fallbackAfter}
 * @param channelDownRecheck    after a channel reports itself down, it is tried again after this, 1 s..1 day
 * @param expireAfter           a row still unsent this long after it was written is given up, 1 min..7 days
 * @param pairInterval          at least this long between two calls for one recipient on one channel, 0..1 min
 *                              (WhatsApp's pair-rate limit is about one message per 6 s to one number)
 */
public record OutboxSettings(int capacity, Duration firstRetry, Duration maxRetry, Duration fallbackAfter,
                             Duration criticalFallbackAfter, Duration channelDownRecheck, Duration expireAfter,
                             Duration pairInterval) {

    public OutboxSettings {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(fallbackAfter, "fallbackAfter");
        Objects.requireNonNull(criticalFallbackAfter, "criticalFallbackAfter");
        Objects.requireNonNull(channelDownRecheck, "channelDownRecheck");
        Objects.requireNonNull(expireAfter, "expireAfter");
        Objects.requireNonNull(pairInterval, "pairInterval");
        if (capacity < 10 || capacity > 1_000_000) {
            throw new IllegalArgumentException("outbox capacity must be 10..1000000: " + capacity);
        }
        within("first-retry", firstRetry, Duration.ofSeconds(1), Duration.ofHours(1));
        within("max-retry", maxRetry, firstRetry, Duration.ofDays(1));
        within("fallback-after", fallbackAfter, Duration.ZERO, Duration.ofDays(1));
        within("critical-fallback-after", criticalFallbackAfter, Duration.ZERO, fallbackAfter);
        within("channel-down-recheck", channelDownRecheck, Duration.ofSeconds(1), Duration.ofDays(1));
        within("expire-after", expireAfter, Duration.ofMinutes(1), Duration.ofDays(7));
        within("pair-interval", pairInterval, Duration.ZERO, Duration.ofMinutes(1));
    }

    public static OutboxSettings of(int capacity, Duration firstRetry, Duration maxRetry, Duration fallbackAfter,
                                    Duration criticalFallbackAfter, Duration channelDownRecheck, Duration expireAfter,
                                    Duration pairInterval) {
        return new OutboxSettings(capacity, firstRetry, maxRetry, fallbackAfter, criticalFallbackAfter,
                channelDownRecheck, expireAfter, pairInterval);
    }

    /**
     * Defaults for a farm gateway: 10,000 rows, retries from 5 s up to 10 min, SMS after 10 min without
     * WhatsApp (2 min for critical alarms), a down channel re-tried every 15 min, give up after 24 h,
     * 6 s between two messages to one number.
     */
    public static OutboxSettings defaults() {
        return of(10_000, Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(10),
                Duration.ofMinutes(2), Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofSeconds(6));
    }

    /** These settings with another capacity. */
    public OutboxSettings withCapacity(int c) {
        return of(c, firstRetry, maxRetry, fallbackAfter, criticalFallbackAfter, channelDownRecheck, expireAfter,
                pairInterval);
    }

    /** These settings with another least time between two calls for one recipient. */
    public OutboxSettings withPairInterval(Duration d) {
        return of(capacity, firstRetry, maxRetry, fallbackAfter, criticalFallbackAfter, channelDownRecheck, expireAfter, d);
    }

    private static void within(String field, Duration d, Duration min, Duration max) {
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException("outbox " + field + " must be " + min + ".." + max + ": " + d);
        }
    }
}
