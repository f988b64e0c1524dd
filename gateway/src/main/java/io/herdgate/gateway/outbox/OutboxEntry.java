package io.herdgate.gateway.outbox;

import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.Notification;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One outbox row.
 *
 * @param id            row id
 * @param notification  what to send
 * @param state         where it is
 * @param channel       the channel it is (or was last) tried on
 * @param channelSince  when it moved to that channel (creation for the first one)
 * @param attempts      channel calls made so far, all channels together
 * @param createdAt     when it was written
 * @param dueAt         when it may be tried next (pending rows)
 * @param providerId    the provider's message id once sent
 * @param delivery      the provider's latest delivery status (sent, delivered, read, failed), once known
 * @param lastError     the last failure, {@code code: reason}
 */
public record OutboxEntry(OutboxId id, Notification notification, OutboxState state, ChannelName channel,
                          Instant channelSince, int attempts, Instant createdAt, Instant dueAt,
                          Optional<String> providerId, Optional<String> delivery, Optional<String> lastError) {

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(channelSince, "channelSince");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(lastError, "lastError");
    }
}
