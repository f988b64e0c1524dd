package io.herdgate.gateway.whatsapp;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A template language as WhatsApp names it: {@code en}, {@code de}, {@code pt_BR}, {@code hi}. */
public record TemplateLanguage(String code) {

    private static final Pattern FORM = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

    /** The language every template has and messages fall back to. */
    public static final TemplateLanguage ENGLISH = new TemplateLanguage("en");

    public TemplateLanguage {
        Objects.requireNonNull(code, "code");
        if (!FORM.matcher(code).matches()) {
            throw new IllegalArgumentException("template language must look like 'en' or 'pt_BR': '" + code + "'");
        }
    }

    public static TemplateLanguage of(String code) {
        return new TemplateLanguage(code);
    }

    /** The code for {@code locale}: {@code pt-BR} gives {@code pt_BR}, {@code de-AT} gives {@code de_AT}. */
    public static TemplateLanguage forLocale(Locale locale) {
        String country = locale.getCountry();
        return new TemplateLanguage(locale.getLanguage() + (country.isEmpty() ? "" : "_" + country));
    }

    /** The code without its region: {@code pt} for {@code pt_BR}. */
    public TemplateLanguage withoutRegion() {
        int i = code.indexOf('_');
        return i < 0 ? this : new TemplateLanguage(code.substring(0, i));
    }

    @Override
    public String toString() {
        return code;
    }
}
