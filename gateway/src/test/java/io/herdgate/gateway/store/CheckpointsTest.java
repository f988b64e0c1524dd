package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.detect.DetectionEngine;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
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

    @Test
    void save_ofMoreThanOneChunk_storesRowsOfAtMostAChunk_andReadsBackTheSameBytes() {
        // Random bytes do not deflate: the stored chunks are as many as the raw bytes would need.
        byte[] big = new byte[3 * Checkpoints.CHUNK + 12_345];
        new Random(7).nextBytes(big);
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Checkpoints checkpoints = Checkpoints.of(db);
            checkpoints.save(T0, out -> {
                // In pieces that straddle the chunk boundaries, as a DataOutputStream writes them.
                for (int at = 0; at < big.length; at += 70_001) {
                    out.write(big, at, Math.min(70_001, big.length - at));
                }
            });

            assertArrayEquals(big, checkpoints.latest().orElseThrow().snapshot());
            List<Integer> sizes = db.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT length(bytes) FROM detector_checkpoint_chunk ORDER BY seq")) {
                    List<Integer> list = new java.util.ArrayList<>();
                    while (rs.next()) {
                        list.add(rs.getInt(1));
                    }
                    return list;
                }
            });
            assertEquals(4, sizes.size(), "chunks " + sizes);
            assertEquals(List.of(Checkpoints.CHUNK, Checkpoints.CHUNK, Checkpoints.CHUNK), sizes.subList(0, 3));
            assertTrue(sizes.get(3) > 12_345 && sizes.get(3) < 12_345 + 2_000, "last chunk " + sizes.get(3));
        }
    }

    @Test
    void save_whoseWriterFails_keepsThePreviousCheckpoint() {
        byte[] first = engineFedFor(Duration.ofDays(2)).snapshot();
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Checkpoints checkpoints = Checkpoints.of(db);
            checkpoints.save(Checkpoint.of(T0, first));

            assertThrows(StoreException.class, () -> checkpoints.save(T0.plusSeconds(60), out -> {
                out.write(new byte[Checkpoints.CHUNK + 1]);
                throw new IOException("engine state unreadable");
            }));

            Checkpoint kept = checkpoints.latest().orElseThrow();
            assertEquals(T0, kept.takenAt());
            assertArrayEquals(first, kept.snapshot());
        }
    }

    @Test
    void read_ofACheckpointStoredAsOneBlob_stillRestoresTheEngine() {
        DetectionEngine engine = engineFedFor(Duration.ofDays(2));
        byte[] snapshot = engine.snapshot();
        try (Database db = Database.open(dir.resolve("h.db"))) {
            // As versions before the chunk table stored it.
            db.write(Durability.FULL, c -> {
                try (var s = c.prepareStatement(
                        "INSERT INTO detector_checkpoint (id, taken_ms, snapshot) VALUES (1, ?, ?)")) {
                    s.setLong(1, T0.toEpochMilli());
                    s.setBytes(2, snapshot);
                    return s.executeUpdate();
                }
            });

            DetectionEngine restored = Checkpoints.of(db)
                    .read((takenAt, in) -> DetectionEngine.builder().restore(in)).orElseThrow();
            assertEquals(engine.cows(), restored.cows());
            assertArrayEquals(snapshot, restored.snapshot());
        }
    }

    @Test
    void save_ofAQuietHerd_storesFarFewerBytesThanTheState() {
        byte[] zeros = new byte[2 * Checkpoints.CHUNK];
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Checkpoints.of(db).save(T0, out -> out.write(zeros));
            long stored = db.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT sum(length(bytes)) FROM detector_checkpoint_chunk")) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            });
            assertTrue(stored > 0 && stored < zeros.length / 100, "stored " + stored);
            assertArrayEquals(zeros, Checkpoints.of(db).latest().orElseThrow().snapshot());
        }
    }
}
