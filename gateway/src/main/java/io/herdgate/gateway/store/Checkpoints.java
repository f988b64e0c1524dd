package io.herdgate.gateway.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;

/**
 * The latest detector-state snapshot ({@code DetectionEngine#snapshot()}) in table
 * {@code detector_checkpoint}, written with {@link Durability#FULL}: after a restart the engine resumes
 * from it instead of relearning weeks of baselines. Only the latest is kept.
 */
public final class Checkpoints {

    private final Database db;

    private Checkpoints(Database db) {
        this.db = db;
    }

    public static Checkpoints of(Database db) {
        return new Checkpoints(db);
    }

    /** Replaces the stored checkpoint. */
    public void save(Checkpoint checkpoint) {
        db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR REPLACE INTO detector_checkpoint (id, taken_ms, snapshot) VALUES (1, ?, ?)")) {
                s.setLong(1, checkpoint.takenAt().toEpochMilli());
                s.setBytes(2, checkpoint.snapshot());
                return s.executeUpdate();
            }
        });
    }

    /** The stored checkpoint, empty before the first save. */
    public Optional<Checkpoint> latest() {
        return db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT taken_ms, snapshot FROM detector_checkpoint WHERE id = 1")) {
                return rs.next()
                        ? Optional.of(Checkpoint.of(Instant.ofEpochMilli(rs.getLong(1)), rs.getBytes(2)))
                        : Optional.empty();
            }
        });
    }
}
