package io.herdgate.gateway.whatsapp;

import java.util.Objects;
import java.util.regex.Pattern;

/** The WhatsApp Business phone-number id messages are sent from (digits, as shown in WhatsApp Manager). */
public record PhoneNumberId(String value) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,32}");

    public PhoneNumberId {
        Objects.requireNonNull(value, "value");
        if (!DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("phone-number id must be 1-32 digits: '" + value + "'");
        }
    }

    public static PhoneNumberId of(String value) {
        return new PhoneNumberId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
