package io.herdgate.gateway.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSignatureTest {

    private static final Secret KEY = Secret.of("key");
    private static final byte[] BODY = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    /** HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), the well-known test vector. */
    private static final String EXPECTED = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

    @Test
    void sign_matchesTheKnownHmacSha256Vector() {
        assertEquals(EXPECTED, WebhookSignature.sign(KEY, BODY));
    }

    @ParameterizedTest
    @CsvSource({
            EXPECTED + ", VALID",
            "SHA256=F7BC83F430538424B13298E6AA6FB143EF4D59A14946175997479DBC2D1A3CD8, VALID",
            "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd9, WRONG",
            "sha256=f7bc83, WRONG",
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8, WRONG",
            "sha256=not-hex, WRONG",
            "'  ', MISSING",
    })
    void verify_header_givesItsVerdict(String header, WebhookSignature.Verdict verdict) {
        assertEquals(verdict, WebhookSignature.verify(KEY, BODY, Optional.of(header)));
    }

    @Test
    void verify_noHeader_isMissing() {
        assertEquals(WebhookSignature.Verdict.MISSING, WebhookSignature.verify(KEY, BODY, Optional.empty()));
    }

    @Test
    void verify_oneChangedBodyByte_isWrong() {
        byte[] changed = BODY.clone();
        changed[0] ^= 1;
        assertEquals(WebhookSignature.Verdict.WRONG, WebhookSignature.verify(KEY, changed, Optional.of(EXPECTED)));
    }
}
