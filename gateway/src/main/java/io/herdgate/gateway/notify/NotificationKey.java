package io.herdgate.gateway.notify;

import io.herdgate.gateway.store.AlarmId;
import java.util.Objects;

/**
 * The idempotency key of one notification: the same key is never delivered twice on purpose. For
 * alarm messages it is {@code alarm/<id>/<contact>/<step>} (step 0 is the first message, each escalation
 * or repeat a higher step); other messages choose their own stable form (e.g. {@code summary/<date>/<contact>}).
 */
public record NotificationKey(String value) {

    public NotificationKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("notification key must be 1-200 characters: '" + value + "'");
        }
    }

    public static NotificationKey of(String value) {
        return new NotificationKey(value);
    }

    /** The key of step {@code step} (≥ 0) of alarm {@code alarm} for {@code contact}. */
    public static NotificationKey forAlarm(AlarmId alarm, ContactId contact, int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0: " + step);
        }
        return new NotificationKey("alarm/" + alarm + "/" + contact + "/" + step);
    }

    @Override
    public String toString() {
        return value;
    }
}
