package io.herdgate.gateway.http;

import java.net.URI;

/**
 * A call to the local API did not get an answer: the gateway is not running, not listening where
 * expected, or timed out. The message is one line fit for a CLI user.
 */
public final class ApiCallException extends RuntimeException {

    private final URI uri;

    public ApiCallException(URI uri, String message, Throwable cause) {
        super(message, cause);
        this.uri = uri;
    }

    public URI uri() {
        return uri;
    }
}
