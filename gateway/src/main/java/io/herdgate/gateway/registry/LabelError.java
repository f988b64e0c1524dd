package io.herdgate.gateway.registry;

import java.util.Objects;

/**
 * A line of a label file that could not be used.
 *
 * @param source  the file (or other source) name
 * @param line    1-based line number
 * @param field   the field at fault ({@code eui}, {@code key}, {@code cow}) or {@code line}
 * @param message what is wrong and the allowed form; never contains a key
 */
public record LabelError(String source, int line, String field, String message) {

    public LabelError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public static LabelError of(String source, int line, String field, String message) {
        return new LabelError(source, line, field, message);
    }

    /** {@code file:line: field name: message}, as compilers print errors. */
    @Override
    public String toString() {
        return source + ":" + line + ": field " + field + ": " + message;
    }
}
