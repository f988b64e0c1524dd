package io.herdgate.gateway.http;

import java.nio.file.Path;

/** The API token file is missing, unreadable, unwritable or malformed. The message names the file. */
public final class ApiTokenException extends RuntimeException {

    private final transient Path file;

    public ApiTokenException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
