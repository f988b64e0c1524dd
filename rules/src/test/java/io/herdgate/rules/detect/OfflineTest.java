package io.herdgate.rules.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfflineTest {

    private static final CowId COW = CowId.of("7019");
    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    @ParameterizedTest(name = "gap {0} min, empty rows {1}: {2} offline alarm(s)")
    @CsvSource({"59, false, 0", "60, false, 0", "61, false, 1", "600, false, 1", "61, true, 1", "60, true, 0",
            "600, true, 1"})
    void gap_raisesOneOfflineAlarmOnlyWhenLongerThanThreshold(int gapMin, boolean emptyRows, int expected) {
        List<AlarmEvent> events = new ArrayList<>();
        DetectionEngine e = DetectionEngine.builder().listener(events::add).build();
        Duration m = Duration.ofMinutes(1);
        for (int i = 0; i < 300 + gapMin; i++) {
            Instant t = T0.plus(m.multipliedBy(i));
            boolean inGap = i >= 100 && i < 100 + gapMin;
            if (!inGap) {
                e.accept(Observation.builder(COW, t, m).motionIndex(3).build());
            } else if (emptyRows) {
                e.accept(Observation.empty(COW, t, m));
            }
        }
        List<AlarmEvent> offline = events.stream().filter(x -> x.alarm().type() == AlarmType.OFFLINE).toList();
        assertEquals(2 * expected, offline.size(), offline.toString());
        if (expected == 1) {
            assertEquals(T0.plus(Duration.ofMinutes(160)), offline.get(0).at());
            assertEquals(T0.plus(Duration.ofMinutes(100 + gapMin)), offline.get(1).at());
        }
    }

    @ParameterizedTest
    @CsvSource({"30, 0", "90, 1"})
    void watermark_withoutData_raisesOfflineOnce(int silentMin, int expected) {
        List<AlarmEvent> events = new ArrayList<>();
        DetectionEngine e = DetectionEngine.builder().listener(events::add).build();
        e.accept(Observation.builder(COW, T0, Duration.ofMinutes(1)).motionIndex(1).build());
        e.advanceTo(T0.plus(Duration.ofMinutes(1 + silentMin)));
        e.advanceTo(T0.plus(Duration.ofMinutes(2 + silentMin)));
        assertEquals(expected, events.size());
    }

    @Test
    void resumeAt_afterAGatewayGap_noOfflineForTheGap_butTheThresholdCountsFromTheResume() {
        List<AlarmEvent> events = new ArrayList<>();
        DetectionEngine e = DetectionEngine.builder().listener(events::add).build();
        Duration m = Duration.ofMinutes(1);
        e.accept(Observation.builder(COW, T0, m).motionIndex(1).build());
        Instant resume = T0.plus(Duration.ofDays(1));

        e.resumeAt(resume);
        e.accept(Observation.builder(COW, resume.plus(m.multipliedBy(5)), m).motionIndex(1).build());
        assertEquals(List.of(), events, "a day the gateway could not hear is not the collar's silence");

        e.advanceTo(resume.plus(Duration.ofMinutes(6 + 61)));
        assertEquals(1, events.size());
        assertEquals(resume.plus(Duration.ofMinutes(6 + 60)), events.get(0).at());
    }

    @Test
    void resumeAt_collarAlreadyOffline_staysOffline() {
        List<AlarmEvent> events = new ArrayList<>();
        DetectionEngine e = DetectionEngine.builder().listener(events::add).build();
        e.accept(Observation.builder(COW, T0, Duration.ofMinutes(1)).motionIndex(1).build());
        e.advanceTo(T0.plus(Duration.ofHours(2)));
        assertEquals(1, events.size());

        e.resumeAt(T0.plus(Duration.ofDays(1)));

        assertEquals(List.of(AlarmType.OFFLINE), e.activeAlarms().stream().map(a -> a.type()).toList());
    }
}
