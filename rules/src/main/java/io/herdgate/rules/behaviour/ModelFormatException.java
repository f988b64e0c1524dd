package io.herdgate.rules.behaviour;

/** A classifier model file that cannot be used; the message names the source and the field. */
public final class ModelFormatException extends RuntimeException {

    private final String source;

    public ModelFormatException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    public ModelFormatException(String source, String message) {
        this(source, message, null);
    }

    /** Where the model came from (resource name or file). */
    public String source() {
        return source;
    }
}
