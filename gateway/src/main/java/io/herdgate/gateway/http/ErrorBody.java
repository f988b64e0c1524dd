package io.herdgate.gateway.http;

/**
 * The JSON body of every error response: {@code {"status":404,"error":"not found"}}. The message is
 * meant for the caller and never carries a stack trace or an internal exception text.
 */
public record ErrorBody(int status, String error) {

    public static ErrorBody of(int status, String error) {
        return new ErrorBody(status, error);
    }
}
