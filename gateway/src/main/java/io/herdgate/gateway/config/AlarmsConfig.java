package io.herdgate.gateway.config;

import io.herdgate.gateway.outbox.OutboxDelivery;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When farmers hear from the gateway, in the farm's time zone.
 *
 * @param dailySummary  time of the daily herd summary
 * @param quietHours    when only urgent alarms are sent; empty for none
 * @param escalateAfter how long an unacknowledged urgent alarm waits before the next contact is told, 1..240 min
 * @param deliveryWorkers how many messages to different recipients are sent at once, 1..{@link #MAX_DELIVERY_WORKERS}
 */
public record AlarmsConfig(LocalTime dailySummary, Optional<QuietHours> quietHours, Duration escalateAfter,
                           int deliveryWorkers) {

    public static final int DEFAULT_DELIVERY_WORKERS = OutboxDelivery.WORKERS;
    public static final int MAX_DELIVERY_WORKERS = OutboxDelivery.MAX_WORKERS;
    public static final AlarmsConfig DEFAULT =
            new AlarmsConfig(LocalTime.of(7, 0), Optional.empty(), Duration.ofMinutes(15), DEFAULT_DELIVERY_WORKERS);
    public static final int MAX_ESCALATE_MIN = 240;

    public AlarmsConfig {
        Objects.requireNonNull(dailySummary, "dailySummary");
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(escalateAfter, "escalateAfter");
        if (escalateAfter.toMinutes() < 1 || escalateAfter.toMinutes() > MAX_ESCALATE_MIN) {
            throw new IllegalArgumentException("escalateAfter must be 1.." + MAX_ESCALATE_MIN + " min, got " + escalateAfter);
        }
        if (deliveryWorkers < 1 || deliveryWorkers > MAX_DELIVERY_WORKERS) {
            throw new IllegalArgumentException("deliveryWorkers must be 1.." + MAX_DELIVERY_WORKERS + ", got " + deliveryWorkers);
        }
    }

    public static AlarmsConfig of(LocalTime dailySummary, Optional<QuietHours> quietHours, Duration escalateAfter,
                                  int deliveryWorkers) {
        return new AlarmsConfig(dailySummary, quietHours, escalateAfter, deliveryWorkers);
    }
}
