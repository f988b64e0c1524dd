package io.herdgate.gateway.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.gateway.notify.Content.DailySummary;
import io.herdgate.gateway.store.AlarmLog;
import io.herdgate.gateway.store.Database;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HerdSummaryTest {

    private static final ZoneId FARM = ZoneId.of("Europe/Berlin");
    /** 07:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");
    private static final Duration CYCLE = Duration.ofDays(21);

    @TempDir
    Path dir;

    private static Alarm alarm(String cow, AlarmType type, Duration ago) {
        return Alarm.of(CowId.of(cow), type, NOW.minus(ago), Severity.WARNING,
                Explanation.of("m", 1, OptionalDouble.empty(), 1, Duration.ofHours(1), Map.of()));
    }

    private static Alarm heat(String cow, Duration ago) {
        Alarm a = alarm(cow, AlarmType.HEAT, ago);
        return a.withNextExpectedHeat(a.raisedAt().plus(CYCLE));
    }

    @Test
    void summary_listsHeats_cowsToWatch_expectedHeats_andCollars_fromTheStoredAlarms() {
        try (Database db = Database.open(dir.resolve("g.db"))) {
            AlarmLog log = AlarmLog.of(db);
            log.record(heat("7019", Duration.ofHours(10)));                                     // active heat
            log.record(heat("1355", Duration.ofHours(20)).clearedAt(NOW.minus(Duration.ofHours(8)))); // heat last night
            log.record(heat("3001", Duration.ofDays(19)).clearedAt(NOW.minus(Duration.ofDays(18))));  // due in 2 days
            log.record(heat("3002", Duration.ofDays(16)).clearedAt(NOW.minus(Duration.ofDays(15))));  // due in 5 days
            log.record(heat("7019", Duration.ofDays(20)).clearedAt(NOW.minus(Duration.ofDays(19))));  // in heat now anyway
            log.record(alarm("4411", AlarmType.ILLNESS, Duration.ofHours(3)));
            log.record(alarm("4412", AlarmType.ILLNESS, Duration.ofDays(2)).clearedAt(NOW.minus(Duration.ofDays(1))));
            log.record(alarm("5005", AlarmType.NO_MOTION, Duration.ofMinutes(20)));
            log.record(alarm("6001", AlarmType.BATTERY, Duration.ofDays(3)));
            log.record(alarm("6002", AlarmType.OFFLINE, Duration.ofHours(2)));

            DailySummary s = HerdSummary.of(log, SummarySettings.defaults()).at(NOW, FARM);

            assertEquals(LocalDate.of(2026, 11, 21), s.day());
            assertEquals(List.of(CowId.of("1355"), CowId.of("7019")), s.inHeat());
            assertEquals(List.of(CowId.of("4411"), CowId.of("5005")), s.toWatch());
            assertEquals(Map.of(CowId.of("3001"), LocalDate.of(2026, 11, 23)), s.heatsExpected());
            assertEquals(List.of(CowId.of("6001"), CowId.of("6002")), s.collarsToCheck());
        }
    }

    @Test
    void quietHerd_givesAnEmptySummary() {
        try (Database db = Database.open(dir.resolve("g.db"))) {
            DailySummary s = HerdSummary.of(AlarmLog.of(db), SummarySettings.defaults()).at(NOW, FARM);

            assertEquals(new DailySummary(LocalDate.of(2026, 11, 21), List.of(), List.of(), Map.of(), List.of()), s);
        }
    }
}
