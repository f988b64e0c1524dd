package io.herdgate.gateway.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Reads the events out of a WhatsApp webhook body ({@code object}, {@code entry[].changes[].value} with
 * {@code statuses[]} and {@code messages[]}). Lenient: unknown fields and kinds are ignored, and an entry
 * that cannot be read (no id, bad number, bad timestamp) is skipped with a warning naming it while the
 * rest is still read.
 */
final class WebhookPayload {

    private WebhookPayload() {
    }

    /** The events for business number {@code ours}; changes that name another number are skipped. */
    static List<WebhookEvent> events(JsonNode root, PhoneNumberId ours) {
        List<WebhookEvent> out = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String number = value.path("metadata").path("phone_number_id").asText(ours.value());
                if (!number.equals(ours.value())) {
                    continue; // another number of the same app: its replies are not ours
                }
                for (JsonNode s : value.path("statuses")) {
                    try {
                        status(s).ifPresent(out::add);
                    } catch (IllegalArgumentException e) {
                        Logger.warn("WhatsApp webhook: status {} skipped: {}", s.path("id").asText("?"), e.getMessage());
                    }
                }
                for (JsonNode m : value.path("messages")) {
                    try {
                        out.add(message(m));
                    } catch (IllegalArgumentException e) {
                        Logger.warn("WhatsApp webhook: message {} skipped: {}", m.path("id").asText("?"), e.getMessage());
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static Optional<WebhookEvent> status(JsonNode s) {
        DeliveryStatus.State state;
        switch (s.path("status").asText("").toLowerCase(Locale.ROOT)) {
            case "sent" -> state = DeliveryStatus.State.SENT;
            case "delivered" -> state = DeliveryStatus.State.DELIVERED;
            case "read" -> state = DeliveryStatus.State.READ;
            case "failed" -> state = DeliveryStatus.State.FAILED;
            default -> {
                return Optional.empty(); // "deleted", "warning", ... say nothing about delivery
            }
        }
        Optional<Integer> code = Optional.empty();
        String detail = "";
        JsonNode error = s.path("errors").path(0);
        if (!error.isMissingNode()) {
            code = error.path("code").isInt() ? Optional.of(error.path("code").asInt()) : Optional.empty();
            detail = (code.map(c -> c + " ").orElse("") + error.path("title").asText("")
                    + detail(error.path("error_data").path("details").asText(error.path("message").asText("")))).strip();
        }
        return Optional.of(new WebhookEvent.StatusUpdate(DeliveryStatus.of(id(s).value(), state, time(s), detail), code));
    }

    private static String detail(String d) {
        return d.isBlank() ? "" : ": " + d;
    }

    private static WebhookEvent message(JsonNode m) {
        MessageId id = id(m);
        PhoneNumber from = PhoneNumber.of("+" + m.path("from").asText(""));
        Instant at = time(m);
        Optional<MessageId> context = m.path("context").path("id").isTextual()
                ? Optional.of(MessageId.of(m.path("context").path("id").asText())) : Optional.empty();
        String type = m.path("type").asText("");
        if (type.equals("button") && m.path("button").path("payload").isTextual()) {
            return new WebhookEvent.ButtonTap(id, from, at, m.path("button").path("payload").asText(), context);
        }
        JsonNode reply = m.path("interactive").path("button_reply");
        if (type.equals("interactive") && reply.path("id").isTextual()) {
            return new WebhookEvent.ButtonTap(id, from, at, reply.path("id").asText(), context);
        }
        if (type.equals("text") && m.path("text").path("body").isTextual()) {
            return new WebhookEvent.Text(id, from, at, m.path("text").path("body").asText(), context);
        }
        return new WebhookEvent.OtherMessage(id, from, at, type.isEmpty() ? "unknown" : type);
    }

    private static MessageId id(JsonNode n) {
        return MessageId.of(n.path("id").asText(""));
    }

    /** {@code timestamp} is epoch seconds as a string (or number). */
    private static Instant time(JsonNode n) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(n.path("timestamp").asText("").strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timestamp '" + n.path("timestamp").asText("") + "' is not epoch seconds");
        }
    }
}
