package io.herdgate.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoRunTest {

    @Test
    void run_smallHerd_everyFrameAccepted_andEveryCowObservedEveryMinute() {
        DemoSettings s = DemoSettings.of(2, Duration.ofHours(3), "", 11, Instant.parse("2026-03-02T00:00:00Z"));
        List<Instant> progress = new ArrayList<>();

        DemoReport r = DemoRun.of(s, e -> { }, progress::add).run();

        assertEquals(0, r.rejections().values().stream().mapToLong(Long::longValue).sum(), r.rejections().toString());
        assertTrue(r.framesAccepted() > 2 * 3 * 3600 / 10, "frames " + r.framesAccepted());
        // both collars join within the first minute and then deliver every minute
        assertTrue(r.observations() >= 2 * 177 && r.observations() <= 2 * 180, "observations " + r.observations());
        assertEquals(List.of(Instant.parse("2026-03-02T01:00:00Z"), Instant.parse("2026-03-02T02:00:00Z"),
                Instant.parse("2026-03-02T03:00:00Z")), progress);
        assertTrue(r.alarms().isEmpty(), "a quiet herd raises nothing in three hours: " + r.alarms());
    }

    @Test
    void settings_outOfRange_areRefusedWithTheAllowedRange() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DemoSettings.of(0, Duration.ofDays(1), "", 1, Instant.EPOCH));
        assertEquals("cows must be 1..2000, got 0", e.getMessage());
    }
}
