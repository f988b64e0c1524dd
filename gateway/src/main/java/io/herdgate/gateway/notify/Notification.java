package io.herdgate.gateway.notify;

import java.util.Objects;

/**
 * One message to one recipient, as the outbox stores it before any channel sees it.
 *
 * @param key      idempotency key; a channel that is asked twice for the same key may send at most once
 *                 where its provider allows (WhatsApp does not dedupe, so the outbox must not ask twice)
 * @param to       the recipient
 * @param priority delivery order
 * @param content  what it says
 */
public record Notification(NotificationKey key, Recipient to, Priority priority, Content content) {

    public Notification {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(content, "content");
    }

    public static Notification of(NotificationKey key, Recipient to, Priority priority, Content content) {
        return new Notification(key, to, priority, content);
    }
}
