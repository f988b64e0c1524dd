package io.herdgate.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.sim.herd.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private final ManualClock clock = ManualClock.of(Instant.parse("2026-05-01T06:00:00Z"));

    private HealthSources.Builder healthy() {
        return HealthSources.builder().links(() -> List.of(LinkStatus.of("serial", LinkState.UP)));
    }

    @Test
    void report_allLinksUp_isOkWithNoReasonsAndTheNumbersOfTheSources() {
        HealthCheck check = HealthCheck.of(healthy()
                .collars(() -> CollarCounts.of(12, 11))
                .frames(() -> FrameCounts.of(5120, Map.of("replay", 2L, "bad_mic", 3L)))
                .activeAlarms(() -> 1)
                .outboxPending(() -> 4)
                .build(), clock, "1.2.3");
        clock.advance(Duration.ofMinutes(61).plusMillis(999));

        HealthReport r = check.report();

        assertEquals(HealthStatus.OK, r.status());
        assertEquals(List.of(), r.reasons());
        assertEquals(3660, r.uptimeS());
        assertEquals("1.2.3", r.version());
        assertEquals(CollarCounts.of(12, 11), r.collars());
        assertEquals(List.of("bad_mic", "replay"), List.copyOf(r.frames().rejected().keySet()));
        assertEquals(1, r.alarms().active());
        assertEquals(4, r.outbox().pending());
    }

    @Test
    void report_beforeTheRuntimeStarted_isStarting() {
        HealthCheck check = HealthCheck.of(healthy().started(() -> false).build(), clock, "1");

        assertEquals(HealthStatus.STARTING, check.report().status());
    }

    @Test
    void report_linkReconnecting_isDegradedNamingTheLink() {
        HealthCheck check = HealthCheck.of(HealthSources.builder().links(() -> List.of(
                LinkStatus.of("serial", LinkState.UP),
                LinkStatus.of("mqtt", LinkState.RECONNECTING, "connection refused"))).build(), clock, "1");

        HealthReport r = check.report();

        assertEquals(HealthStatus.DEGRADED, r.status());
        assertEquals(List.of("link mqtt is reconnecting: connection refused"), r.reasons());
    }

    @Test
    void report_noLinkConfigured_isDegraded() {
        HealthReport r = HealthCheck.of(HealthSources.builder().build(), clock, "1").report();

        assertEquals(HealthStatus.DEGRADED, r.status());
        assertEquals(List.of("no collar link configured"), r.reasons());
    }

    @Test
    void report_outboxBacklogAboveLimit_andRuntimeProblems_areReasons() {
        HealthCheck check = HealthCheck.of(healthy().outboxPending(() -> 11).outboxBacklogLimit(10)
                .problems(() -> List.of("whatsapp channel down")).build(), clock, "1");

        assertEquals(List.of("outbox backlog 11 above 10", "whatsapp channel down"), check.report().reasons());
    }

    @Test
    void report_failingSource_isDegradedInsteadOfAnError() {
        HealthCheck check = HealthCheck.of(healthy().collars(() -> {
            throw new IllegalStateException("directory closed");
        }).build(), clock, "1");

        HealthReport r = check.report();

        assertEquals(HealthStatus.DEGRADED, r.status());
        assertEquals(List.of("health source collars failed: directory closed"), r.reasons());
        assertEquals(CollarCounts.NONE, r.collars());
    }
}
