package io.herdgate.rules.params;

/** A parameter value outside its allowed values; the message names key, value and what is allowed. */
public final class InvalidParameterException extends IllegalArgumentException {

    private final String key;
    private final String value;
    private final String allowed;

    public InvalidParameterException(String key, String value, String allowed) {
        super(key + " = " + value + " is not allowed; allowed: " + allowed);
        this.key = key;
        this.value = value;
        this.allowed = allowed;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }
}
