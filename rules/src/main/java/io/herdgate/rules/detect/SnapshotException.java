package io.herdgate.rules.detect;

/** A snapshot could not be read: wrong format, version or truncated bytes; the message says where. */
public final class SnapshotException extends RuntimeException {

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }

    public SnapshotException(String message) {
        super(message);
    }
}
