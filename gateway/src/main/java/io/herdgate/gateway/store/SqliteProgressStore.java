package io.herdgate.gateway.store;

import io.herdgate.protocol.firmware.ProgressStore;
import io.herdgate.protocol.firmware.UpdatePhase;
import io.herdgate.protocol.firmware.UpdateProgress;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.ImageId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Firmware-update progress in table {@code firmware_progress}, written with {@link Durability#NORMAL}:
 * the collar's own next-expected offset stays the truth, so a progress row lost in a power cut only
 * costs a resend from an earlier offset. Saves come once per acknowledged window, not per byte.
 * Failures are {@link StoreException}s.
 */
public final class SqliteProgressStore implements ProgressStore {

    private final Database db;

    private SqliteProgressStore(Database db) {
        this.db = db;
    }

    public static SqliteProgressStore of(Database db) {
        return new SqliteProgressStore(db);
    }

    @Override
    public Optional<UpdateProgress> load(CollarEui collar, ImageId image) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT collar_eui, image_id, phase, acked_bytes, total_bytes "
                    + "FROM firmware_progress WHERE collar_eui = ? AND image_id = ?")) {
                s.setLong(1, collar.value());
                s.setLong(2, image.value());
                try (var rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void save(UpdateProgress p) {
        db.write(Durability.NORMAL, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO firmware_progress "
                    + "(collar_eui, image_id, phase, acked_bytes, total_bytes) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, p.collar().value());
                s.setLong(2, p.image().value());
                s.setString(3, p.phase().name());
                s.setLong(4, p.ackedBytes());
                s.setLong(5, p.totalBytes());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void remove(CollarEui collar, ImageId image) {
        db.write(Durability.NORMAL, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM firmware_progress WHERE collar_eui = ? AND image_id = ?")) {
                s.setLong(1, collar.value());
                s.setLong(2, image.value());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<UpdateProgress> all() {
        return db.read(c -> {
            List<UpdateProgress> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT collar_eui, image_id, phase, acked_bytes, total_bytes FROM firmware_progress")) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return List.copyOf(out);
        });
    }

    private UpdateProgress row(ResultSet rs) throws SQLException {
        try {
            return UpdateProgress.of(CollarEui.of(rs.getLong(1)), ImageId.of(rs.getLong(2)),
                    UpdatePhase.valueOf(rs.getString(3)), rs.getLong(4), rs.getLong(5));
        } catch (IllegalArgumentException e) {
            throw new StoreException(db.file(), "firmware progress row for collar " + CollarEui.of(rs.getLong(1))
                    + " is unreadable", e);
        }
    }
}
