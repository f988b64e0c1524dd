package io.herdgate.gateway.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.gateway.notify.DeliveryResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Codes the fake cannot easily provoke, straight through the policy; the rest run end to end. */
class ErrorPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "401, 0, false, ChannelDown, 401, PT30S",
            "400, 190, false, ChannelDown, 190, PT30S",
            "403, 200, false, ChannelDown, 200, PT30S",
            "400, 131031, false, ChannelDown, 131031, PT30S",
            "400, 80007, false, RetryLater, 80007, PT5S",
            "400, 4, false, RetryLater, 4, PT5S",
            "400, 131056, false, RetryLater, 131056, PT6S",
            "500, 1, false, RetryLater, 1, PT30S",
            "400, 2, true, RetryLater, 2, PT30S",
            "502, 0, false, RetryLater, 502, PT30S",
            "400, 131026, false, Undeliverable, 131026, PT30S",
            "400, 132001, false, Undeliverable, 132001, PT30S",
            "400, 132000, false, Undeliverable, 132000, PT30S",
            "400, 132015, false, Undeliverable, 132015, PT30S",
            "400, 100, false, Undeliverable, 100, PT30S",
    })
    void result_codeMapsToAction(int status, int code, boolean transientError, String kind, String resultCode, Duration after) {
        DeliveryResult r = ErrorPolicy.result(new GraphError(status, code, "m", transientError, Optional.empty()),
                Duration.ofSeconds(6));
        assertEquals(kind, r.getClass().getSimpleName());
        assertEquals(resultCode, WhatsAppChannelTest.code(r));
        if (r instanceof DeliveryResult.RetryLater later) {
            assertEquals(after, later.after());
        }
    }

    @ParameterizedTest
    @CsvSource({"17, PT17S", "abc, PT5S", "-3, PT5S"})
    void result_throttledWithRetryAfter_waitsThatLong(String header, Duration after) {
        GraphError e = GraphError.parse(429, "{\"error\":{\"message\":\"Rate limit hit\",\"code\":130429}}".getBytes(StandardCharsets.UTF_8),
                Optional.of(header));
        assertEquals(after, ((DeliveryResult.RetryLater) ErrorPolicy.result(e, Duration.ofSeconds(6))).after());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<html>Bad Gateway</html>|0|HTTP 502 without a Graph API error body",
            "{\"error\":{\"message\":\"Invalid parameter\",\"code\":100,\"error_data\":{\"details\":\"to is wrong\"}}}|100|Invalid parameter (to is wrong)",
    })
    void parse_body_isReadLeniently(String body, int code, String message) {
        GraphError e = GraphError.parse(502, body.getBytes(StandardCharsets.UTF_8), Optional.empty());
        assertEquals(code, e.code());
        assertEquals(message, e.message());
    }
}
