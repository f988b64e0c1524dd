package io.herdgate.gateway.phone;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message as the farmer's phone shows it.
 *
 * @param id       the message id the fake gave it
 * @param at       when the fake accepted it
 * @param kind     {@code template}, {@code interactive}, {@code text} or another message type
 * @param template the template name and language ({@code herd_heat/de}) for template messages
 * @param text     the text as shown (a template's body with its values filled in)
 * @param buttons  the buttons under it, in order
 * @param image    the header picture's bytes, if any
 */
public record Delivered(String id, Instant at, String kind, Optional<String> template, String text,
                        List<Button> buttons, Optional<byte[]> image) {

    /** A button as shown ({@code label}) and what a tap sends back ({@code payload}). */
    public record Button(String label, String payload) {
        public Button {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(payload, "payload");
        }
    }

    public Delivered {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(text, "text");
        buttons = List.copyOf(buttons);
        image = image.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> image() {
        return image.map(byte[]::clone);
    }
}
