package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmLogTest {

    private static final CowId DAISY = CowId.of("7019");
    private static final Instant RAISED = Instant.parse("2026-05-01T03:12:00Z");

    @TempDir
    Path dir;

    private static Alarm heat() {
        Map<String, Double> features = new LinkedHashMap<>();
        features.put("rumination_drop_pct", 22.5);
        features.put("lying_min", 310.0);
        return Alarm.of(DAISY, AlarmType.values()[0], RAISED, Severity.values()[0],
                Explanation.of("activity_10h", 412.5, OptionalDouble.of(250.25), 350, Duration.ofMinutes(95), features))
                .withNextExpectedHeat(RAISED.plus(Duration.ofDays(21)));
    }

    @Test
    void raisedAlarm_survivesReopen_withItsExplanation() {
        Path file = dir.resolve("h.db");
        Alarm a = heat();
        AlarmId id;
        try (Database db = Database.open(file)) {
            id = AlarmLog.of(db).record(a);
        }

        try (Database db = Database.open(file)) {
            assertEquals(Optional.of(StoredAlarm.of(id, a)), AlarmLog.of(db).find(id));
            assertEquals(List.of(StoredAlarm.of(id, a)), AlarmLog.of(db).active());
        }
    }

    @Test
    void clearedEvent_updatesTheSameRow_andLeavesNoActiveAlarm() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            AlarmLog log = AlarmLog.of(db);
            Alarm a = heat();
            log.onEvent(AlarmEvent.Raised.of(a));
            Alarm cleared = a.clearedAt(RAISED.plus(Duration.ofHours(14)));

            log.onEvent(AlarmEvent.Cleared.of(cleared));

            assertEquals(List.of(), log.active());
            List<StoredAlarm> all = log.of(DAISY, RAISED, RAISED.plusSeconds(1));
            assertEquals(1, all.size());
            assertEquals(cleared, all.get(0).alarm());
        }
    }

    @Test
    void explanation_withoutBaseline_andANonFiniteValue_roundTrips() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Alarm a = Alarm.of(DAISY, AlarmType.values()[1], RAISED, Severity.values()[1],
                    Explanation.of("still_min", Double.NaN, OptionalDouble.empty(), 120, Duration.ofMinutes(130), Map.of()));

            AlarmId id = AlarmLog.of(db).record(a);

            assertEquals(a, AlarmLog.of(db).find(id).orElseThrow().alarm());
        }
    }
}
