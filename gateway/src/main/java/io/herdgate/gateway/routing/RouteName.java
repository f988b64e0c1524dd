package io.herdgate.gateway.routing;

import java.util.Objects;
import java.util.regex.Pattern;

/** A route's name in {@code contacts.yaml}: 1–64 of letters, digits, '-', '_' and '.'. */
public record RouteName(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public RouteName {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("route name must be 1-64 of letters, digits, '.', '_' or '-': '" + value + "'");
        }
    }

    public static RouteName of(String value) {
        return new RouteName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
