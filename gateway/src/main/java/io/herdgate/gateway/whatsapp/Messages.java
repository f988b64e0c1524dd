package io.herdgate.gateway.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.store.AlarmId;
import java.util.List;
import java.util.Optional;

/** Builds the JSON bodies of {@code POST /{version}/{phone-number-id}/messages}. */
final class Messages {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Messages() {
    }

    /**
     * A template message: image header with {@code mediaId} when the template has one, the body values,
     * and one quick-reply payload per button carrying {@code alarm}.
     */
    static ObjectNode template(PhoneNumber to, MessageTemplate t, TemplateLanguage language, List<String> values,
                               Optional<String> mediaId, Optional<AlarmId> alarm) {
        ObjectNode template = F.objectNode().put("name", t.name().value());
        template.putObject("language").put("policy", "deterministic").put("code", language.code());
        ArrayNode components = template.putArray("components");
        if (t.imageHeader()) {
            ObjectNode header = components.addObject().put("type", "header");
            header.putArray("parameters").addObject().put("type", "image")
                    .putObject("image").put("id", mediaId.orElseThrow(() ->
                            new IllegalArgumentException("template " + t.name() + " needs an image")));
        }
        ArrayNode body = components.addObject().put("type", "body").putArray("parameters");
        values.forEach(v -> body.addObject().put("type", "text").put("text", v));
        if (t.buttons() && alarm.isPresent()) {
            ButtonAction[] actions = ButtonAction.values();
            for (int i = 0; i < actions.length; i++) {
                ObjectNode button = components.addObject().put("type", "button").put("sub_type", "quick_reply")
                        .put("index", Integer.toString(i));
                button.putArray("parameters").addObject().put("type", "payload").put("payload", actions[i].payload(alarm.get()));
            }
        }
        return envelope(to, "template").set("template", template);
    }

    /** A free-form message with reply buttons (only inside the 24-hour window). */
    static ObjectNode interactive(PhoneNumber to, String text, List<String> labels, AlarmId alarm, Optional<String> mediaId) {
        ObjectNode interactive = F.objectNode().put("type", "button");
        mediaId.ifPresent(id -> interactive.putObject("header").put("type", "image").putObject("image").put("id", id));
        interactive.putObject("body").put("text", text);
        ArrayNode buttons = interactive.putObject("action").putArray("buttons");
        ButtonAction[] actions = ButtonAction.values();
        for (int i = 0; i < actions.length; i++) {
            buttons.addObject().put("type", "reply").putObject("reply")
                    .put("id", actions[i].payload(alarm)).put("title", labels.get(i));
        }
        return envelope(to, "interactive").set("interactive", interactive);
    }

    /** An image message with a caption (only inside the 24-hour window). */
    static ObjectNode image(PhoneNumber to, String mediaId, String caption) {
        ObjectNode m = envelope(to, "image");
        m.putObject("image").put("id", mediaId).put("caption", caption);
        return m;
    }

    /** A plain text message (only inside the 24-hour window). */
    static ObjectNode text(PhoneNumber to, String text) {
        ObjectNode m = envelope(to, "text");
        m.putObject("text").put("body", text).put("preview_url", false);
        return m;
    }

    private static ObjectNode envelope(PhoneNumber to, String type) {
        return F.objectNode().put("messaging_product", "whatsapp").put("recipient_type", "individual")
                .put("to", to.digits()).put("type", type);
    }
}
