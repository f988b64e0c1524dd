package io.herdgate.gateway.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone took an alarm on.
 *
 * @param who      contact id, or the name given on the command line or API
 * @param via      how: {@code reply} (WhatsApp button, SMS code), {@code cli}, {@code http}
 * @param at       when
 * @param resolved true when they also declared it over (resolving implies acknowledging)
 */
public record Acknowledgement(String who, String via, Instant at, boolean resolved) {

    public Acknowledgement {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(at, "at");
    }

    public static Acknowledgement of(String who, String via, Instant at, boolean resolved) {
        return new Acknowledgement(who, via, at, resolved);
    }
}
