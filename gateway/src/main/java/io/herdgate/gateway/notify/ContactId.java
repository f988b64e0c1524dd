package io.herdgate.gateway.notify;

import java.util.Objects;
import java.util.regex.Pattern;

/** A contact's id as written in the contacts file: 1–64 of letters, digits, '-', '_' and '.'. */
public record ContactId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public ContactId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("contact id must be 1-64 of letters, digits, '.', '_' or '-': '"
                    + value + "'");
        }
    }

    public static ContactId of(String value) {
        return new ContactId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
