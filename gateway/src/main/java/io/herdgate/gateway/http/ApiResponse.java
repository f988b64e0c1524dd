package io.herdgate.gateway.http;

/**
 * What the local API answered.
 *
 * @param status HTTP status code
 * @param body   the response body as text (JSON for the API), empty when there was none
 */
public record ApiResponse(int status, String body) {

    public static ApiResponse of(int status, String body) {
        return new ApiResponse(status, body);
    }

    /** 2xx. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
