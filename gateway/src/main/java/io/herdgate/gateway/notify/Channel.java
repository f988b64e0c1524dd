package io.herdgate.gateway.notify;

/**
 * A way to reach a phone. Implementations are thread-safe; {@link #deliver} blocks for at most the
 * channel's configured timeout and never throws for provider or network failures (they are
 * {@link DeliveryResult} values).
 */
public interface Channel {

    ChannelName name();

    /** Tries once to deliver {@code n}; the caller (the outbox) owns retries and fallback. */
    DeliveryResult deliver(Notification n);
}
