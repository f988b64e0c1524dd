package io.herdgate.rules.replay;

/**
 * The input cannot be replayed at all (no readable header, a required column missing, an unreadable
 * file); the message names the file and, where there is one, the line.
 */
public final class InputFormatException extends Exception {

    private final String place;

    public InputFormatException(String place, String message) {
        super(place + ": " + message);
        this.place = place;
    }

    /** Where the problem is, e.g. {@code input.csv:1}. */
    public String place() {
        return place;
    }
}
