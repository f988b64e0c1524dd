package io.herdgate.gateway.link;

/**
 * A link setting that cannot be used: an unreadable CA or password file, an unset environment variable.
 * The message names the setting and what was expected; it never contains a secret.
 */
public final class LinkConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LinkConfigException(String message) {
        super(message);
    }

    public LinkConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
