package io.herdgate.gateway.whatsapp;

import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.store.AlarmId;
import java.time.Instant;
import java.util.Optional;

/**
 * What the WhatsApp channel remembers across restarts: the messages it sent (to map a reply quoting one
 * back to its alarm), the furthest delivery status per message, and the farmers' inbound messages
 * (to drop webhook duplicates and to know whose 24-hour window is open). Thread-safe.
 */
public interface MessageLog {

    /** Records that {@code id} went to {@code to} for notification {@code key} (about {@code alarm}, if any). */
    void recordSent(MessageId id, NotificationKey key, Optional<AlarmId> alarm, PhoneNumber to, Instant at);

    /** The alarm a sent message was about. */
    Optional<AlarmId> alarmOf(MessageId id);

    /**
     * Applies a status update, keeping the furthest state (sent &lt; delivered &lt; read; failed is final);
     * an older or repeated update changes nothing.
     *
     * @return whether the stored status changed
     */
    boolean recordStatus(DeliveryStatus status);

    /** The furthest status known for a message. */
    Optional<DeliveryStatus> status(MessageId id);

    /**
     * Records an inbound message from a farmer.
     *
     * @return false when {@code id} was recorded before (a webhook retry or duplicate)
     */
    boolean recordInbound(MessageId id, PhoneNumber from, Instant at);

    /** When {@code from} last wrote to us (opens the 24-hour customer-service window). */
    Optional<Instant> lastInbound(PhoneNumber from);
}
