package io.herdgate.gateway.phone;

/**
 * A failure the fake can be told to answer {@code POST /messages} with ({@link FakeCloudApi#failNext},
 * {@link FakeCloudApi#failFor}),
 * with the HTTP status and Graph API error code Meta uses for it.
 */
public enum Fault {
    /** HTTP 429, code 130429 "Rate limit hit". */
    RATE_LIMITED(429, 130429, "Rate limit hit", false),
    /** HTTP 500, code 131000 "Something went wrong", transient. */
    SERVER_ERROR(500, 131000, "Something went wrong", true),
    /** HTTP 503, code 131016 "Service unavailable". */
    UNAVAILABLE(503, 131016, "Service unavailable", true),
    /** No answer for the fake's stall time, then HTTP 504 without a body. */
    TIMEOUT(504, 0, "", false),
    /** HTTP 400, code 131047: more than 24 hours since the customer last wrote. */
    WINDOW_CLOSED(400, 131047, "Re-engagement message", false),
    /** HTTP 401, code 190: the access token expired. */
    TOKEN_EXPIRED(401, 190, "Error validating access token: Session has expired", false),
    /** HTTP 400, code 131048 "Spam rate limit hit". */
    SPAM_LIMIT(400, 131048, "Spam rate limit hit", false);

    final int status;
    final int code;
    final String message;
    final boolean transientError;

    Fault(int status, int code, String message, boolean transientError) {
        this.status = status;
        this.code = code;
        this.message = message;
        this.transientError = transientError;
    }
}
