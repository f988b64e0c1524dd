package io.herdgate.gateway.gpio;

/** The GPIO pins could not be opened or driven; the message names the platform and the cause. */
public final class GpioException extends RuntimeException {

    public GpioException(String message, Throwable cause) {
        super(message, cause);
    }
}
