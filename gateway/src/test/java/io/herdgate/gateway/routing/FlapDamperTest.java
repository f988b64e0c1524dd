package io.herdgate.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.series.CowId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlapDamperTest {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    void moreRaisesThanAllowedInTheWindow_flap_andCalmAgainOnceTheWindowHasPassed() {
        FlapDamper d = FlapDamper.of(FlapDamping.of(3, Duration.ofHours(6), Duration.ofMinutes(30)));
        CowId cow = CowId.of("17");
        List<Boolean> flapping = new ArrayList<>();
        for (int h : new int[] {0, 1, 2, 3, 4, 10, 11}) {
            flapping.add(d.raised(cow, AlarmType.COLLAR_OFF, T0.plus(Duration.ofHours(h))));
        }

        assertEquals(List.of(false, false, false, true, true, false, false), flapping);
        assertEquals(false, d.raised(CowId.of("18"), AlarmType.COLLAR_OFF, T0.plus(Duration.ofHours(11))));
        assertEquals(false, d.raised(cow, AlarmType.OFFLINE, T0.plus(Duration.ofHours(11))));
    }
}
