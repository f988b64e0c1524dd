package io.herdgate.gateway.store;

import io.herdgate.gateway.ingest.PostureStore;
import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.feature.Axes;
import io.herdgate.rules.series.CowId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Cows' posture references in table {@code posture_reference}, one row per cow, all written in one
 * transaction with {@link Durability#NORMAL}: a reference lost in a power cut is learnt again within
 * minutes of the cow walking and grazing.
 */
public final class SqlitePostureStore implements PostureStore {

    private final Database db;

    private SqlitePostureStore(Database db) {
        this.db = db;
    }

    public static SqlitePostureStore of(Database db) {
        return new SqlitePostureStore(db);
    }

    @Override
    public Map<CowId, PostureReference> loadAll() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT cow, walking_x, walking_y, walking_z, "
                    + "walking_windows, grazing_x, grazing_y, grazing_z, grazing_windows FROM posture_reference");
                 ResultSet rs = s.executeQuery()) {
                Map<CowId, PostureReference> all = new HashMap<>();
                while (rs.next()) {
                    all.put(CowId.of(rs.getString(1)), PostureReference.of(
                            Axes.of(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)), rs.getInt(5),
                            Axes.of(rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)), rs.getInt(9)));
                }
                return Map.copyOf(all);
            }
        });
    }

    @Override
    public void saveAll(Map<CowId, PostureReference> references) {
        if (references.isEmpty()) {
            return;
        }
        db.write(Durability.NORMAL, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO posture_reference (cow, walking_x, "
                    + "walking_y, walking_z, walking_windows, grazing_x, grazing_y, grazing_z, grazing_windows) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cow) DO UPDATE SET "
                    + "walking_x = excluded.walking_x, walking_y = excluded.walking_y, "
                    + "walking_z = excluded.walking_z, walking_windows = excluded.walking_windows, "
                    + "grazing_x = excluded.grazing_x, grazing_y = excluded.grazing_y, "
                    + "grazing_z = excluded.grazing_z, grazing_windows = excluded.grazing_windows")) {
                for (Map.Entry<CowId, PostureReference> e : references.entrySet()) {
                    PostureReference r = e.getValue();
                    s.setString(1, e.getKey().value());
                    s.setDouble(2, r.walkingSum().x());
                    s.setDouble(3, r.walkingSum().y());
                    s.setDouble(4, r.walkingSum().z());
                    s.setInt(5, r.walkingWindows());
                    s.setDouble(6, r.grazingSum().x());
                    s.setDouble(7, r.grazingSum().y());
                    s.setDouble(8, r.grazingSum().z());
                    s.setInt(9, r.grazingWindows());
                    s.addBatch();
                }
                return s.executeBatch().length;
            }
        });
    }
}
