package io.herdgate.gateway.store;

import java.nio.file.Path;

/**
 * The database could not be opened, migrated, read or written. The message names the file and what was
 * being done; the gateway must not start (or must stop writing) when this is thrown.
 */
public final class StoreException extends RuntimeException {

    private final transient Path file;

    public StoreException(Path file, String message, Throwable cause) {
        super(file + ": " + message + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.file = file;
    }

    public StoreException(Path file, String message) {
        this(file, message, null);
    }

    /** The database file concerned. */
    public Path file() {
        return file;
    }
}
