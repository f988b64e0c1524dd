package io.herdgate.gateway.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of a notification in column {@code outbox.body}. Written and read only by this build's
 * outbox; a row that cannot be read is an {@link IllegalArgumentException} naming the field.
 */
final class NotificationJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationJson() {
    }

    static String write(Notification n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("key", n.key().value());
        o.put("priority", n.priority().name());
        ObjectNode to = o.putObject("to");
        to.put("contact", n.to().contact().value());
        to.put("name", n.to().name());
        to.put("phone", n.to().phone().e164());
        to.put("language", n.to().language().toLanguageTag());
        ObjectNode c = o.putObject("content");
        if (n.content() instanceof Content.AlarmMessage m) {
                c.put("kind", "alarm");
                c.put("alarm", m.alarm().value());
                c.put("type", m.type().jsonName());
                c.put("severity", m.severity().jsonName());
                ArrayNode cows = c.putArray("cows");
                m.cows().forEach(cow -> cows.add(cow.value()));
                c.put("raised_ms", m.raisedAt().toEpochMilli());
                c.put("step", m.step());
                ObjectNode facts = c.putObject("facts");
            m.facts().forEach(facts::put);
        } else if (n.content() instanceof Content.DailySummary s) {
                c.put("kind", "summary");
                c.put("day", s.day().toString());
                cowList(c.putArray("in_heat"), s.inHeat());
                cowList(c.putArray("to_watch"), s.toWatch());
                ObjectNode expected = c.putObject("heats_expected");
                s.heatsExpected().forEach((cow, day) -> expected.put(cow.value(), day.toString()));
            cowList(c.putArray("collars_to_check"), s.collarsToCheck());
        }
        return o.toString();
    }

    static Notification read(String json) {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification body is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode to = field(o, "to");
        Recipient r = Recipient.of(ContactId.of(text(to, "contact")), text(to, "name"),
                PhoneNumber.of(text(to, "phone")), Locale.forLanguageTag(text(to, "language")));
        JsonNode c = field(o, "content");
        Content content = switch (text(c, "kind")) {
            case "alarm" -> {
                Map<String, String> facts = new LinkedHashMap<>();
                field(c, "facts").fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue().asText()));
                yield new Content.AlarmMessage(AlarmId.of(field(c, "alarm").asLong()),
                        AlarmType.fromJsonName(text(c, "type")).orElseThrow(() -> bad("content.type", text(c, "type"))),
                        Severity.fromJsonName(text(c, "severity")).orElseThrow(() -> bad("content.severity", text(c, "severity"))),
                        cows(field(c, "cows")), Instant.ofEpochMilli(field(c, "raised_ms").asLong()),
                        field(c, "step").asInt(), facts);
            }
            case "summary" -> {
                Map<CowId, LocalDate> expected = new LinkedHashMap<>();
                field(c, "heats_expected").fields().forEachRemaining(
                        e -> expected.put(CowId.of(e.getKey()), LocalDate.parse(e.getValue().asText())));
                yield new Content.DailySummary(LocalDate.parse(text(c, "day")), cows(field(c, "in_heat")),
                        cows(field(c, "to_watch")), expected, cows(field(c, "collars_to_check")));
            }
            default -> throw bad("content.kind", text(c, "kind"));
        };
        return Notification.of(NotificationKey.of(text(o, "key")), r, Priority.valueOf(text(o, "priority")), content);
    }

    private static void cowList(ArrayNode a, List<CowId> cows) {
        cows.forEach(cow -> a.add(cow.value()));
    }

    private static List<CowId> cows(JsonNode a) {
        List<CowId> out = new ArrayList<>();
        a.forEach(n -> out.add(CowId.of(n.asText())));
        return out;
    }

    private static JsonNode field(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("notification body lacks field '" + name + "'");
        }
        return v;
    }

    private static String text(JsonNode o, String name) {
        return field(o, name).asText();
    }

    private static IllegalArgumentException bad(String field, String value) {
        return new IllegalArgumentException("notification body has unknown " + field + " '" + value + "'");
    }
}
