package io.herdgate.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.DeliveryStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryReportsTest {

    private static final Instant AT = Instant.parse("2026-11-21T13:05:00Z");
    private final DeliveryReports reports = new DeliveryReports();

    private static Unsolicited.StatusReport report(int mr, int status) {
        return new Unsolicited.StatusReport(mr, status);
    }

    @Test
    void messageOfThreeParts_isDelivered_onlyWhenEveryPartIs() {
        reports.sent("sms:x", List.of(7, 8, 9));

        assertTrue(reports.report(report(7, 0), AT).isEmpty());
        assertTrue(reports.report(report(9, 48), AT).isEmpty(), "still trying");
        assertTrue(reports.report(report(9, 0), AT).isEmpty());
        assertEquals(DeliveryStatus.State.DELIVERED, reports.report(report(8, 0), AT).orElseThrow().state());
    }

    @Test
    void onePartFailing_failsTheMessage_once() {
        reports.sent("sms:y", List.of(1, 2));

        DeliveryStatus failed = reports.report(report(2, 70), AT).orElseThrow();

        assertEquals(DeliveryStatus.of("sms:y", DeliveryStatus.State.FAILED, AT, "status report 70 for part reference 2"),
                failed);
        assertTrue(reports.report(report(1, 0), AT).isEmpty(), "nothing after the final state");
    }

    @Test
    void reportForAnUnknownReference_isIgnored() {
        assertTrue(reports.report(report(200, 0), AT).isEmpty());
    }
}
