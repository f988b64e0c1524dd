package io.herdgate.gateway.routing;

import io.herdgate.gateway.notify.ContactId;
import java.time.Duration;
import java.util.Objects;

/**
 * One step of an escalation chain: tell {@code contact} {@code after} the previous step (the first step's
 * {@code after} counts from the alarm going out, normally zero) unless the alarm was acknowledged.
 */
public record EscalationStep(ContactId contact, Duration after) {

    public EscalationStep {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(after, "after");
        if (after.isNegative()) {
            throw new IllegalArgumentException("escalation delay must not be negative: " + after);
        }
    }

    public static EscalationStep of(ContactId contact, Duration after) {
        return new EscalationStep(contact, after);
    }
}
