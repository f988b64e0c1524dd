package io.herdgate.protocol.firmware;

/**
 * The outcome of decoding a payload: the value, or why the bytes are not one. Bad bytes from the radio
 * are expected, so they are a value here, never an exception.
 *
 * @param <T> the decoded type
 */
public sealed interface PayloadResult<T> {

    /** The bytes decoded to {@code value}. */
    record Decoded<T>(T value) implements PayloadResult<T> {
    }

    /**
     * The bytes are not a valid payload.
     *
     * @param reason names the field, the value found and the allowed values
     */
    record Malformed<T>(String reason) implements PayloadResult<T> {
    }

    static <T> PayloadResult<T> decoded(T value) {
        return new Decoded<>(value);
    }

    static <T> PayloadResult<T> malformed(String reason) {
        return new Malformed<>(reason);
    }
}
