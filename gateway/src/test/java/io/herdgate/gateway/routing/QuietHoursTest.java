package io.herdgate.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {

    private static final QuietHours NIGHT = QuietHours.of(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneId.of("Europe/Berlin"));
    private static final QuietHours NOON = QuietHours.of(LocalTime.of(12, 0), LocalTime.of(13, 30), ZoneId.of("Europe/Berlin"));

    @ParameterizedTest(name = "{0} quiet at {1}: {2}, ends {3}")
    @CsvSource({
            "night, 2026-06-01T19:59:59Z, false, 2026-06-01T19:59:59Z",
            "night, 2026-06-01T20:00:00Z, true,  2026-06-02T04:00:00Z",
            "night, 2026-06-02T03:59:00Z, true,  2026-06-02T04:00:00Z",
            "night, 2026-06-02T04:00:00Z, false, 2026-06-02T04:00:00Z",
            "night, 2026-01-15T21:30:00Z, true,  2026-01-16T05:00:00Z",
            // Night into the spring change (2026-03-29, 02:00 CET -> 03:00 CEST): ends 06:00 CEST = 04:00Z.
            "night, 2026-03-28T22:00:00Z, true,  2026-03-29T04:00:00Z",
            "noon,  2026-06-01T10:00:00Z, true,  2026-06-01T11:30:00Z",
            "noon,  2026-06-01T11:30:00Z, false, 2026-06-01T11:30:00Z",
    })
    void holds_andEndAfter_inTheContactsZone(String which, Instant t, boolean quiet, Instant end) {
        QuietHours q = which.equals("night") ? NIGHT : NOON;

        assertEquals(quiet, q.holds(t));
        assertEquals(end, q.endAfter(t));
    }
}
