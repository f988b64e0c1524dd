package io.herdgate.gateway.whatsapp;

import java.util.Objects;

/** A WhatsApp message id ({@code wamid....}), ours or a farmer's; 1–256 printable characters. */
public record MessageId(String value) {

    public MessageId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 256 || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("message id must be 1-256 printable ASCII characters: '" + value + "'");
        }
    }

    public static MessageId of(String value) {
        return new MessageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
