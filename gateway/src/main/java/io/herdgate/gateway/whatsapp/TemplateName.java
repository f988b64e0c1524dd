package io.herdgate.gateway.whatsapp;

import java.util.Objects;
import java.util.regex.Pattern;

/** A message template's name as approved by WhatsApp: 1–512 of lower-case letters, digits and '_'. */
public record TemplateName(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9_]{1,512}");

    public TemplateName {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("template name must be lower-case letters, digits and '_': '" + value + "'");
        }
    }

    public static TemplateName of(String value) {
        return new TemplateName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
