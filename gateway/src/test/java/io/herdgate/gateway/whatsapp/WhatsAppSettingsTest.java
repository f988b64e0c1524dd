package io.herdgate.gateway.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WhatsAppSettingsTest {

    private static final WhatsAppSettings DEFAULTS = WhatsAppSettings.of(PhoneNumberId.of("106540352242922"),
            Secret.of("EAAtok"), Secret.of("appsec"), Secret.of("vtok123"), ZoneOffset.UTC);

    @Test
    void of_defaults_areMetasGraphApiAndLimits() {
        assertEquals(URI.create("https://graph.facebook.com/v23.0/106540352242922/messages"), DEFAULTS.endpoint("messages"));
        assertEquals(Duration.ofSeconds(6), DEFAULTS.pairInterval());
        assertFalse(DEFAULTS.toString().contains("EAAtok") || DEFAULTS.toString().contains("appsec")
                || DEFAULTS.toString().contains("vtok123"), DEFAULTS.toString());
    }

    @ParameterizedTest
    @CsvSource({
            "https://graph.facebook.com/v20.0, https://graph.facebook.com/v20.0/106540352242922/media",
            "https://graph.facebook.com/v20.0/, https://graph.facebook.com/v20.0/106540352242922/media",
            "http://127.0.0.1:8099, http://127.0.0.1:8099/v23.0/106540352242922/media",
            "http://proxy.lan/meta/v22.0, http://proxy.lan/meta/v22.0/106540352242922/media",
    })
    void withBaseUrl_endingWithAVersion_setsTheVersionToo(String url, String media) {
        assertEquals(URI.create(media), DEFAULTS.withBaseUrl(URI.create(url)).endpoint("media"));
    }

    @Test
    void constructor_baseUrlWithVersionOrWrongScheme_isRejectedSayingWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new WhatsAppSettings(URI.create("https://graph.facebook.com/v20.0"),
                "v23.0", DEFAULTS.phoneNumberId(), DEFAULTS.accessToken(), DEFAULTS.appSecret(), DEFAULTS.verifyToken(),
                DEFAULTS.timeout(), 20, DEFAULTS.pairInterval(), ZoneOffset.UTC)).getMessage().contains("must not end with the API version"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withBaseUrl(URI.create("ftp://graph.facebook.com")))
                .getMessage().contains("must be an http(s) URL"));
    }

    @Test
    void withLimits_outOfRange_namesTheRange() {
        assertEquals("whatsapp messages-per-second must be 1..1000: 0",
                assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withLimits(0, Duration.ZERO)).getMessage());
        assertEquals("whatsapp pair-interval must be 0s..60s: PT-1S",
                assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withLimits(10, Duration.ofSeconds(-1))).getMessage());
    }
}
