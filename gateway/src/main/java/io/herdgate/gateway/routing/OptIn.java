package io.herdgate.gateway.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * The record that a contact agreed to receive alarm messages (WhatsApp requires one before a business
 * may message a number).
 *
 * @param at  when they agreed
 * @param how how, in words ("signed form at installation", "WhatsApp START 2026-03-01")
 */
public record OptIn(Instant at, String how) {

    public OptIn {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(how, "how");
        if (how.isBlank()) {
            throw new IllegalArgumentException("opt-in 'how' must say how the contact agreed");
        }
    }

    public static OptIn of(Instant at, String how) {
        return new OptIn(at, how);
    }
}
