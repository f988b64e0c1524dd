package io.herdgate.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.store.Database;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.series.CowId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilencesTest {

    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    private static final CowId COW_17 = CowId.of("17");

    @TempDir
    Path dir;

    @Test
    void vetSilencesHeatOfCow17For48Hours_onlyThatMatches_andItSurvivesReopen() {
        Silence s;
        try (Database db = Database.open(dir.resolve("h.db"))) {
            s = Silences.of(db).add(Optional.of(COW_17), Optional.of(AlarmType.HEAT), T0, T0.plus(Duration.ofHours(48)),
                    "vet-mueller", "inseminated");
        }
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Silences silences = Silences.of(db);
            assertEquals(Optional.of(s), silences.matching(COW_17, AlarmType.HEAT, T0.plus(Duration.ofHours(47))));
            assertEquals(Optional.empty(), silences.matching(COW_17, AlarmType.HEAT, T0.plus(Duration.ofHours(48))));
            assertEquals(Optional.empty(), silences.matching(COW_17, AlarmType.ILLNESS, T0.plus(Duration.ofHours(1))));
            assertEquals(Optional.empty(), silences.matching(CowId.of("18"), AlarmType.HEAT, T0.plus(Duration.ofHours(1))));
            assertEquals(List.of(s), silences.current(T0));
        }
    }

    @Test
    void liftedSilence_endsAtTheLiftingTime() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Silences silences = Silences.of(db);
            Silence s = silences.add(Optional.empty(), Optional.of(AlarmType.OFFLINE), T0, T0.plus(Duration.ofDays(2)),
                    "anna", "radio mast repair");

            assertTrue(silences.lift(s.id(), T0.plus(Duration.ofHours(3))));
            assertTrue(silences.matching(CowId.of("1"), AlarmType.OFFLINE, T0.plus(Duration.ofHours(2))).isPresent());
            assertEquals(Optional.empty(), silences.matching(CowId.of("1"), AlarmType.OFFLINE, T0.plus(Duration.ofHours(3))));
            assertEquals(false, silences.lift(SilenceId.of(99), T0));
        }
    }

    @Test
    void silenceEndingBeforeItStarts_orLongerThan30Days_isRefused() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Silences silences = Silences.of(db);
            assertThrows(IllegalArgumentException.class, () -> silences.add(Optional.empty(), Optional.empty(), T0, T0, "a", "r"));
            assertThrows(IllegalArgumentException.class, () -> silences.add(Optional.empty(), Optional.empty(), T0,
                    T0.plus(Duration.ofDays(31)), "a", "r"));
            assertThrows(IllegalArgumentException.class, () -> silences.add(Optional.empty(), Optional.empty(), T0,
                    T0.plus(Duration.ofDays(1)), "a", " "));
        }
    }
}
