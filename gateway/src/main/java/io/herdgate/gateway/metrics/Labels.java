package io.herdgate.gateway.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The label set of one time series, sorted by name. Names match {@code [a-zA-Z_][a-zA-Z0-9_]*} and must
 * not start with {@code __} (reserved by Prometheus); values are any text and are escaped on output.
 */
public record Labels(SortedMap<String, String> values) {

    public static final Labels NONE = new Labels(new TreeMap<>());
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public Labels {
        TreeMap<String, String> copy = new TreeMap<>();
        values.forEach((name, value) -> {
            Objects.requireNonNull(value, () -> "label " + name);
            if (!NAME.matcher(name).matches() || name.startsWith("__")) {
                throw new IllegalArgumentException(
                        "label name must match [a-zA-Z_][a-zA-Z0-9_]* and not start with '__': '" + name + "'");
            }
            copy.put(name, value);
        });
        values = Collections.unmodifiableSortedMap(copy);
    }

    public static Labels of(String name, String value) {
        return new Labels(new TreeMap<>(Map.of(name, value)));
    }

    public static Labels of(String name1, String value1, String name2, String value2) {
        return new Labels(new TreeMap<>(Map.of(name1, value1, name2, value2)));
    }

    public static Labels of(Map<String, String> values) {
        return new Labels(new TreeMap<>(values));
    }

    /** These labels plus {@code name=value} (replacing an existing value of that name). */
    public Labels with(String name, String value) {
        TreeMap<String, String> copy = new TreeMap<>(values);
        copy.put(name, value);
        return new Labels(copy);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
