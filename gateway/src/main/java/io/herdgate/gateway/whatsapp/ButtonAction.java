package io.herdgate.gateway.whatsapp;

import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Reply;
import io.herdgate.gateway.store.AlarmId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The three quick-reply buttons under an alarm message, in the order shown. A button's payload (template
 * quick reply) or id (interactive reply button) is {@code <action>:<alarm id>}, e.g. {@code ack:42}, so a
 * tap names the alarm it acts on however old the message is.
 */
public enum ButtonAction {
    ACKNOWLEDGE("ack"),
    SNOOZE("snooze"),
    CALL_VET("vet");

    /** How long "Snooze 2 h" holds an alarm back. */
    public static final Duration SNOOZE_FOR = Duration.ofHours(2);

    private final String word;

    ButtonAction(String word) {
        this.word = word;
    }

    /** The payload this button carries for {@code alarm}. */
    public String payload(AlarmId alarm) {
        return word + ":" + alarm;
    }

    /** The reply a tap on a button with {@code payload} means, or empty when the payload is not ours. */
    public static Optional<Reply> reply(String payload, PhoneNumber from, Instant at) {
        int colon = payload.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String word = payload.substring(0, colon);
        long id;
        try {
            id = Long.parseLong(payload.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (id < 1) {
            return Optional.empty();
        }
        AlarmId alarm = AlarmId.of(id);
        for (ButtonAction a : values()) {
            if (a.word.equals(word)) {
                return Optional.of(a.reply(from, at, alarm));
            }
        }
        return Optional.empty();
    }

    /** The reply this action means for {@code alarm}. */
    public Reply reply(PhoneNumber from, Instant at, AlarmId alarm) {
        return switch (this) {
            case ACKNOWLEDGE -> new Reply.Acknowledge(from, at, alarm);
            case SNOOZE -> new Reply.Snooze(from, at, alarm, SNOOZE_FOR);
            case CALL_VET -> new Reply.CallVet(from, at, alarm);
        };
    }
}
