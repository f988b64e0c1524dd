package io.herdgate.gateway.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * What a channel did with one notification. Expected failures are values: the outbox decides from
 * them whether to retry, wait, or fall back to the next channel.
 */
public sealed interface DeliveryResult {

    /** The provider accepted the message; {@code providerId} identifies it in later status updates. */
    record Sent(String providerId) implements DeliveryResult {
        public Sent {
            Objects.requireNonNull(providerId, "providerId");
        }
    }

    /**
     * Not sent now, worth trying again no sooner than {@code after}: throughput or pair-rate limit,
     * 5xx, timeout, network down.
     */
    record RetryLater(Duration after, String code, String reason) implements DeliveryResult {
        public RetryLater {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * This channel will never deliver this message to this recipient (undeliverable number, template
     * rejected, recipient opted out, spam block): fall back to another channel.
     */
    record Undeliverable(String code, String reason) implements DeliveryResult {
        public Undeliverable {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The channel as a whole is unusable until an operator acts (token expired or revoked, account
     * restricted): nothing goes out on it; other channels are used meanwhile.
     */
    record ChannelDown(String code, String reason) implements DeliveryResult {
        public ChannelDown {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
