package io.herdgate.gateway.runtime;

/**
 * The gateway could not start; the message names the step ("database", "rules", "http" ...) and why.
 * Everything started before the failing step has been stopped again.
 */
public final class GatewayStartException extends RuntimeException {

    private final String step;

    public GatewayStartException(String step, String message, Throwable cause) {
        super("cannot start (" + step + "): " + message, cause);
        this.step = step;
    }

    /** The start step that failed. */
    public String step() {
        return step;
    }
}
