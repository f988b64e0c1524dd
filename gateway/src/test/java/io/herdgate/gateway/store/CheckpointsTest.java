package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.detect.DetectionEngine;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    @TempDir
    Path dir;

    private static DetectionEngine engineFedFor(Duration d) {
        DetectionEngine engine = DetectionEngine.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        for (Instant t = T0; t.isBefore(T0.plus(d)); t = t.plus(Duration.ofHours(1))) {
            for (String cow : List.of("7019", "7020")) {
                engine.accept(Observation.builder(CowId.of(cow), t, Duration.ofHours(1))
                        .activity(20 + t.getEpochSecond() % 7).ruminationMin(25).lyingMin(30).build());
            }
        }
        return engine;
    }

    @Test
    void latest_beforeAnySave_isEmpty() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            assertTrue(Checkpoints.of(db).latest().isEmpty());
        }
    }

    @Test
    void engineSnapshot_survivesReopen_andRestoresTheSameEngine() {
        Path file = dir.resolve("h.db");
        DetectionEngine engine = engineFedFor(Duration.ofDays(3));
        byte[] snapshot = engine.snapshot();
        Instant taken = Instant.parse("2026-05-04T00:00:00.123Z");
        try (Database db = Database.open(file)) {
            Checkpoints.of(db).save(Checkpoint.of(taken, new byte[] {1, 2, 3}));
            Checkpoints.of(db).save(Checkpoint.of(taken, snapshot));
        }

        try (Database db = Database.open(file)) {
            Checkpoint back = Checkpoints.of(db).latest().orElseThrow();
            assertEquals(taken, back.takenAt());
            assertArrayEquals(snapshot, back.snapshot());
            DetectionEngine restored = DetectionEngine.builder().restore(back.snapshot());
            assertEquals(engine.cows(), restored.cows());
            assertArrayEquals(snapshot, restored.snapshot());
        }
    }
}
