package io.herdgate.rules.alarm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How urgently a farmer should act; ordered from least to most urgent. */
public enum Severity {
    /** Worth knowing today (low battery). */
    INFO,
    /** Act within hours (heat, illness, calving, collar off, offline). */
    WARNING,
    /** Act now (cow down). */
    CRITICAL;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromJsonName(String name) {
        return Arrays.stream(values()).filter(s -> s.jsonName().equalsIgnoreCase(name)).findFirst();
    }

    @JsonCreator
    static Severity parse(String name) {
        return fromJsonName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown severity '" + name + "', allowed: " + allowedNames()));
    }

    public static String allowedNames() {
        return Arrays.stream(values()).map(Severity::jsonName).collect(Collectors.joining(", "));
    }
}
