package io.herdgate.gateway.whatsapp;

import io.herdgate.gateway.notify.DeliveryResult;
import java.time.Duration;
import java.util.Set;

/**
 * What the gateway does about each Cloud API error, as a {@link DeliveryResult} for the outbox:
 * <ul>
 *   <li>HTTP 401, code 190 (token expired or revoked), 10/200 (permission), 131005, 131031 (account
 *       locked): {@link DeliveryResult.ChannelDown} — nothing more goes out until an operator acts.</li>
 *   <li>130429 (throughput), 4 and 80007 (app rate limit): {@link DeliveryResult.RetryLater} after the
 *       {@code Retry-After} or a few seconds; 131056 (pair rate) after the pair interval.</li>
 *   <li>HTTP 5xx, 1, 2, 131000, 131016, 133004, or {@code is_transient}: RetryLater after 30 s.</li>
 *   <li>131026 (not on WhatsApp), 131048 (spam limit), 131047 (window closed, once the template fallback
 *       also failed), 132xxx (template missing, wrong parameters, paused), 100 and other 4xx:
 *       {@link DeliveryResult.Undeliverable} — the outbox falls back to SMS.</li>
 * </ul>
 */
final class ErrorPolicy {

    static final int TOKEN = 190;
    static final int THROUGHPUT = 130429;
    static final int PAIR_RATE = 131056;
    static final int WINDOW_CLOSED = 131047;
    static final int NOT_ON_WHATSAPP = 131026;
    static final int SPAM = 131048;

    static final Duration THROTTLED_WAIT = Duration.ofSeconds(5);
    static final Duration TRANSIENT_WAIT = Duration.ofSeconds(30);

    private static final Set<Integer> DOWN = Set.of(TOKEN, 10, 200, 131005, 131031);
    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 131000, 131016, 133004);

    private ErrorPolicy() {
    }

    static DeliveryResult result(GraphError e, Duration pairInterval) {
        String code = Integer.toString(e.code() != 0 ? e.code() : e.httpStatus());
        if (e.httpStatus() == 401 || DOWN.contains(e.code())) {
            return new DeliveryResult.ChannelDown(code, "WhatsApp access refused: " + e.message());
        }
        if (e.code() == PAIR_RATE) {
            return new DeliveryResult.RetryLater(e.retryAfter().orElse(pairInterval.isZero()
                    ? WhatsAppSettings.PAIR_INTERVAL : pairInterval), code, "pair rate limit: " + e.message());
        }
        if (e.code() == THROUGHPUT || e.code() == 4 || e.code() == 80007 || e.httpStatus() == 429) {
            return new DeliveryResult.RetryLater(e.retryAfter().orElse(THROTTLED_WAIT), code, "rate limit: " + e.message());
        }
        if (e.httpStatus() >= 500 || TRANSIENT.contains(e.code()) || e.transientError()) {
            return new DeliveryResult.RetryLater(e.retryAfter().orElse(TRANSIENT_WAIT), code, "temporary failure: " + e.message());
        }
        return new DeliveryResult.Undeliverable(code, e.message());
    }
}
