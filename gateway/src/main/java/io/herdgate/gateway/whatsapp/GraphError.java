package io.herdgate.gateway.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * An error answer of the Graph API: {@code {"error":{"message","type","code","error_subcode","is_transient",
 * "error_data":{"details"}}}}. Parsed leniently: a body that is not such JSON gives code 0 with the HTTP status.
 *
 * @param httpStatus the HTTP status
 * @param code       Meta's error code (e.g. 131047), 0 when the body had none
 * @param message    Meta's message and details, for logs and the outbox
 * @param transientError Meta's {@code is_transient}
 * @param retryAfter the {@code Retry-After} header, when given in seconds
 */
public record GraphError(int httpStatus, int code, String message, boolean transientError, Optional<Duration> retryAfter) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static GraphError of(int httpStatus, int code, String message) {
        return new GraphError(httpStatus, code, message, false, Optional.empty());
    }

    /** The error in an answer with {@code status}, {@code body} and {@code Retry-After} header value. */
    public static GraphError parse(int status, byte[] body, Optional<String> retryAfter) {
        Optional<Duration> after = retryAfter.flatMap(v -> {
            try {
                long s = Long.parseLong(v.strip());
                return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
        JsonNode error;
        try {
            error = JSON.readTree(body).path("error");
        } catch (IOException e) {
            return new GraphError(status, 0, "HTTP " + status + " without a Graph API error body", false, after);
        }
        String message = error.path("message").asText("HTTP " + status);
        String details = error.path("error_data").path("details").asText("");
        if (!details.isEmpty() && !details.equals(message)) {
            message = message + " (" + details + ")";
        }
        return new GraphError(status, error.path("code").asInt(0), message,
                error.path("is_transient").asBoolean(false), after);
    }
}
