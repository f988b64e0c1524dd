package io.herdgate.protocol.firmware;

import java.nio.file.Path;

/** A {@link ProgressStore} could not read or write its storage. */
public final class ProgressStoreException extends RuntimeException {

    private final transient Path path;

    public ProgressStoreException(Path path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = path;
    }

    /** The file or folder concerned. */
    public Path path() {
        return path;
    }
}
