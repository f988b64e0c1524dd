package io.herdgate.gateway.store;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.FirmwareVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import io.herdgate.gateway.ingest.CollarSighting;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Known collars in table {@code collar}, written with {@link Durability#FULL}: a lost root key means a
 * collar that can no longer join. Health fields (battery, last seen, RSSI) change often: callers should
 * save them at most once a minute per collar, not per frame.
 */
public final class Collars {

    private static final String COLUMNS = "eui, root_key, firmware, battery_mv, last_seen_ms, rssi_dbm, status";

    private final Database db;

    private Collars(Database db) {
        this.db = db;
    }

    public static Collars of(Database db) {
        return new Collars(db);
    }

    /** Inserts or replaces the collar's row. */
    public void save(CollarRecord r) {
        db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO collar (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (eui) DO UPDATE SET root_key = excluded.root_key, firmware = excluded.firmware, "
                    + "battery_mv = excluded.battery_mv, last_seen_ms = excluded.last_seen_ms, "
                    + "rssi_dbm = excluded.rssi_dbm, status = excluded.status")) {
                s.setLong(1, r.eui().value());
                s.setBytes(2, r.rootKey().bytes());
                s.setString(3, r.firmware().map(FirmwareVersion::toString).orElse(null));
                setInt(s, 4, r.batteryMv());
                if (r.lastSeen().isPresent()) {
                    s.setLong(5, r.lastSeen().get().toEpochMilli());
                } else {
                    s.setNull(5, Types.INTEGER);
                }
                setInt(s, 6, r.rssiDbm());
                s.setString(7, r.use().column());
                return s.executeUpdate();
            }
        });
    }

    /**
     * Updates last seen, and RSSI, battery and firmware where a sighting has them, of several collars in
     * one transaction with {@link Durability#NORMAL}: health is refreshed by the next sighting, so it is not
     * worth an fsync. Collars not in the table are skipped.
     */
    public void saveHealth(List<CollarSighting> sightings) {
        db.write(Durability.NORMAL, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE collar SET last_seen_ms = ?, "
                    + "rssi_dbm = COALESCE(?, rssi_dbm), battery_mv = COALESCE(?, battery_mv), "
                    + "firmware = COALESCE(?, firmware) WHERE eui = ?")) {
                for (CollarSighting x : sightings) {
                    s.setLong(1, x.at().toEpochMilli());
                    setInt(s, 2, x.rssiDbm());
                    setInt(s, 3, x.batteryMv());
                    s.setString(4, x.firmware().map(FirmwareVersion::toString).orElse(null));
                    s.setLong(5, x.eui().value());
                    s.addBatch();
                }
                return s.executeBatch().length;
            }
        });
    }

    public Optional<CollarRecord> find(CollarEui eui) {
        return db.read(c -> find(c, eui));
    }

    /** Every collar, by EUI; immutable. */
    public List<CollarRecord> all() {
        return db.read(c -> {
            List<CollarRecord> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT " + COLUMNS + " FROM collar")) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            // EUIs are stored signed; order them as CollarEui does.
            out.sort(Comparator.comparing(CollarRecord::eui));
            return List.copyOf(out);
        });
    }

    static Optional<CollarRecord> find(Connection c, CollarEui eui) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM collar WHERE eui = ?")) {
            s.setLong(1, eui.value());
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static void setUse(Connection c, CollarEui eui, CollarUse use) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE collar SET status = ? WHERE eui = ?")) {
            s.setString(1, use.column());
            s.setLong(2, eui.value());
            s.executeUpdate();
        }
    }

    private static CollarRecord row(ResultSet rs) throws SQLException {
        String firmware = rs.getString(3);
        long lastSeen = rs.getLong(5);
        Optional<Instant> seen = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastSeen));
        return new CollarRecord(CollarEui.of(rs.getLong(1)), AesKey.of(rs.getBytes(2)),
                Optional.ofNullable(firmware).map(FirmwareVersion::parse), getInt(rs, 4), seen, getInt(rs, 6),
                CollarUse.ofColumn(rs.getString(7)));
    }

    private static void setInt(PreparedStatement s, int i, OptionalInt v) throws SQLException {
        if (v.isPresent()) {
            s.setInt(i, v.getAsInt());
        } else {
            s.setNull(i, Types.INTEGER);
        }
    }

    private static OptionalInt getInt(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
    }
}
