package io.herdgate.gateway.notify;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: '+', a country code not starting with 0, 8–15 digits in all. The
 * WhatsApp Cloud API takes it without the '+' ({@link #digits()}); SMS takes it as it is.
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("phone number must be E.164, '+' then 8-15 digits, e.g. +4915112345678: '"
                    + e164 + "'");
        }
    }

    public static PhoneNumber of(String e164) {
        return new PhoneNumber(e164);
    }

    /** The digits without the leading '+'. */
    public String digits() {
        return e164.substring(1);
    }

    @Override
    public String toString() {
        return e164;
    }
}
