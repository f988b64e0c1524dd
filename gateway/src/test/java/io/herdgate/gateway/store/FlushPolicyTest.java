package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlushPolicyTest {

    @ParameterizedTest
    @CsvSource({"PT0.5S, 10, 1 s..1 h", "PT1H0.001S, 10, 1 s..1 h", "PT60S, 0, 1..1000000", "PT60S, 1000001, 1..1000000"})
    void outOfRangeSettings_areRejectedNamingTheAllowedRange(String interval, int maxRows, String allowed) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlushPolicy.of(Duration.parse(interval), maxRows));

        assertTrue(e.getMessage().contains(allowed), e.getMessage());
    }
}
