package io.herdgate.gateway.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a contact is to the farm; escalation usually runs farmer → herdsman → vet. */
public enum Role {
    FARMER,
    HERDSMAN,
    VET;

    /** The name in {@code contacts.yaml}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromYamlName(String s) {
        return Arrays.stream(values()).filter(r -> r.yamlName().equalsIgnoreCase(s)).findFirst();
    }

    public static String allowedNames() {
        return Arrays.stream(values()).map(Role::yamlName).collect(Collectors.joining(", "));
    }
}
