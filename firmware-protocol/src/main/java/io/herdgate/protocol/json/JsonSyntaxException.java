package io.herdgate.protocol.json;

/** Text that is not the JSON this package accepts; the message names the position. */
public final class JsonSyntaxException extends Exception {

    private final int position;

    JsonSyntaxException(String message, int position) {
        super(message + " at character " + (position + 1));
        this.position = position;
    }

    /** Zero-based character offset of the problem. */
    public int position() {
        return position;
    }
}
