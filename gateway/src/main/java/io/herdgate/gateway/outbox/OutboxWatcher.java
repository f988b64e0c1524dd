package io.herdgate.gateway.outbox;

/**
 * Told when a notification is queued (so that delivery starts at once), when the outbox fills up and when
 * it has drained again (below half its capacity), so that the gateway can raise and clear its own alarm.
 * Called on the thread that enqueued or sent; must not block.
 */
public interface OutboxWatcher {

    /** A notification was accepted and committed; it is due at once or at the end of a quiet-hours hold. */
    default void onQueued() {
    }

    /** The outbox holds {@code capacity} unsent rows; lower-priority notifications are being dropped. */
    void onFull(int capacity);

    /** The outbox is below half its capacity again. */
    void onDrained(int pending);

    /** A watcher that does nothing. */
    static OutboxWatcher none() {
        return new OutboxWatcher() {
            @Override
            public void onFull(int capacity) {
            }

            @Override
            public void onDrained(int pending) {
            }
        };
    }
}
