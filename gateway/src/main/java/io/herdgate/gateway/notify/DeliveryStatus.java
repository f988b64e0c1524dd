package io.herdgate.gateway.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider's later word on a sent message ({@link DeliveryResult.Sent#providerId()}).
 * Statuses may arrive twice or out of order; consumers keep the furthest state per message.
 */
public record DeliveryStatus(String providerId, State state, Instant at, String detail) {

    /** Ordered: a later state never goes back to an earlier one, except that FAILED is final. */
    public enum State { SENT, DELIVERED, READ, FAILED }

    public DeliveryStatus {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }

    public static DeliveryStatus of(String providerId, State state, Instant at, String detail) {
        return new DeliveryStatus(providerId, state, at, detail);
    }
}
