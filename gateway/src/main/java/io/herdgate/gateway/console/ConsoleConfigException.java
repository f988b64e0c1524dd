package io.herdgate.gateway.console;

/** The console's password configuration is unreadable or invalid; the message names the file or key. */
public final class ConsoleConfigException extends RuntimeException {

    public ConsoleConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
