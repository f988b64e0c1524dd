package io.herdgate.rules.behaviour.training;

/** The labelled data set cannot be read; the message names file and line. */
public final class DatasetException extends RuntimeException {

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatasetException(String message) {
        super(message);
    }
}
