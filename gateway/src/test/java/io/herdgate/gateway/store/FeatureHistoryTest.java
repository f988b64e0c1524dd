package io.herdgate.gateway.store;

import io.herdgate.sim.herd.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureHistoryTest {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final CowId DAISY = CowId.of("7019");
    private static final CowId BELLA = CowId.of("1355-2");

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.of(T0);

    private static Observation minute(CowId cow, int i) {
        return Observation.builder(cow, T0.plus(MINUTE.multipliedBy(i)), MINUTE)
                .activity(12.34 + i).ruminationMin(0.5).lyingMin(1.0).lyingBouts(1).steps(17)
                .motionIndex(3.21).accelVarG2(1.234e-6).pitchDeg(-12.5).batteryMv(3011)
                .build();
    }

    @Test
    void observations_areBuffered_untilMaxRows_thenWrittenInOneGo() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            FeatureHistory h = FeatureHistory.of(db, FlushPolicy.of(Duration.ofMinutes(10), 3), clock);
            h.append(minute(DAISY, 0));
            h.append(minute(DAISY, 1));
            assertEquals(2, h.pending());
            assertEquals(List.of(), h.read(DAISY, T0, T0.plus(Duration.ofDays(1))));

            h.append(minute(DAISY, 2));

            assertEquals(0, h.pending());
            assertEquals(3, h.read(DAISY, T0, T0.plus(Duration.ofDays(1))).size());
        }
    }

    @Test
    void observations_areWritten_whenTheIntervalHasPassed() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            FeatureHistory h = FeatureHistory.of(db, FlushPolicy.of(Duration.ofSeconds(60), 1000), clock);
            h.append(minute(DAISY, 0));
            clock.advance(Duration.ofSeconds(59));
            assertFalse(h.flushIfDue());
            assertEquals(1, h.pending());

            clock.advance(Duration.ofSeconds(1));

            assertTrue(h.flushIfDue());
            assertEquals(0, h.pending());
        }
    }

    @Test
    void readBack_givesEveryMeasureAtItsStoredResolution_andMissingStaysMissing() {
        Path file = dir.resolve("h.db");
        Observation full = minute(DAISY, 5);
        Observation sparse = Observation.builder(BELLA, T0, MINUTE).accelVarG2(2e-6).build();
        try (Database db = Database.open(file)) {
            FeatureHistory h = FeatureHistory.of(db, FlushPolicy.DEFAULT, clock);
            h.append(full);
            h.append(sparse);
            assertEquals(2, h.flush());
        }

        try (Database db = Database.open(file)) {
            FeatureHistory h = FeatureHistory.of(db, FlushPolicy.DEFAULT, clock);
            Observation back = h.read(DAISY, T0, T0.plus(Duration.ofHours(1))).get(0);
            assertEquals(full.start(), back.start());
            assertEquals(full.length(), back.length());
            assertEquals(full.activity(), back.activity(), 0.005);
            assertEquals(full.ruminationMin(), back.ruminationMin(), 1 / 120.0);
            assertEquals(full.lyingMin(), back.lyingMin(), 1 / 120.0);
            assertEquals(full.lyingBouts(), back.lyingBouts(), 0);
            assertEquals(full.steps(), back.steps(), 0);
            assertEquals(full.motionIndex(), back.motionIndex(), 0.005);
            assertEquals(full.accelVarG2(), back.accelVarG2(), 0.5e-9);
            assertEquals(full.pitchDeg(), back.pitchDeg(), 0.005);
            assertEquals(full.batteryMv(), back.batteryMv(), 0);

            Observation bella = h.read(BELLA, T0, T0.plus(MINUTE)).get(0);
            assertEquals(2e-6, bella.accelVarG2(), 0.5e-9);
            assertTrue(bella.activityIfPresent().isEmpty());
            assertTrue(bella.batteryMvIfPresent().isEmpty());
        }
    }

    @Test
    void read_givesOnlyThatCowAndRange_inTimeOrder() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            FeatureHistory h = FeatureHistory.of(db, FlushPolicy.DEFAULT, clock);
            for (int i = 9; i >= 0; i--) {
                h.append(minute(DAISY, i));
                h.append(minute(BELLA, i));
            }
            h.flush();

            List<Observation> got = h.read(DAISY, T0.plus(MINUTE.multipliedBy(2)), T0.plus(MINUTE.multipliedBy(5)));

            assertEquals(List.of(T0.plus(MINUTE.multipliedBy(2)), T0.plus(MINUTE.multipliedBy(3)),
                    T0.plus(MINUTE.multipliedBy(4))), got.stream().map(Observation::start).toList());
            assertTrue(got.stream().allMatch(o -> o.cow().equals(DAISY)));
            assertEquals(List.of(), h.read(CowId.of("unknown"), T0, T0.plus(Duration.ofDays(1))));
        }
    }

    @Test
    void sameCowAndMinuteAgain_replacesTheEarlierRow() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            FeatureHistory h = FeatureHistory.of(db, FlushPolicy.DEFAULT, clock);
            h.append(Observation.builder(DAISY, T0, MINUTE).steps(1).build());
            h.flush();
            h.append(Observation.builder(DAISY, T0, MINUTE).steps(2).build());
            h.flush();

            List<Observation> got = h.read(DAISY, T0, T0.plus(MINUTE));

            assertEquals(1, got.size());
            assertEquals(2, got.get(0).steps());
        }
    }

    @Test
    void deleteOlderThan_keepsOnlyTheRetentionWindow() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            FeatureHistory h = FeatureHistory.of(db, FlushPolicy.DEFAULT, clock);
            for (int day = 0; day < 10; day++) {
                h.append(minute(DAISY, day * 1440));
            }
            h.flush();
            clock.advance(Duration.ofDays(10));

            int deleted = h.deleteOlderThan(Duration.ofDays(7));

            assertEquals(3, deleted);
            List<Observation> left = h.read(DAISY, T0, T0.plus(Duration.ofDays(11)));
            assertEquals(T0.plus(Duration.ofDays(3)), left.get(0).start());
            assertEquals(7, left.size());
        }
    }
}
