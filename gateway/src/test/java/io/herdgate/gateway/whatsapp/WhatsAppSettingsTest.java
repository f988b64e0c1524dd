package io.herdgate.gateway.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    @CsvSource(delimiter = '|', value = {
            "https://graph.facebook.com/v20.0|must not end with the API version",
            "ftp://graph.facebook.com|must be an http(s) URL",
    })
    void withBaseUrl_wrongForm_isRejectedSayingWhy(String url, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withBaseUrl(URI.create(url)));
        assertEquals(true, e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void withLimits_outOfRange_namesTheRange() {
        assertEquals("whatsapp messages-per-second must be 1..1000: 0",
                assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withLimits(0, Duration.ZERO)).getMessage());
        assertEquals("whatsapp pair-interval must be 0s..60s: PT-1S",
                assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withLimits(10, Duration.ofSeconds(-1))).getMessage());
    }
}
