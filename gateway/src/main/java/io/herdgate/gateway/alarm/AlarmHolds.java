package io.herdgate.gateway.alarm;

import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.Durability;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Table {@code alarm_hold}: why the desk did not send an alarm, kept after the alarm has cleared and
 * across restarts, so that "held by policy" can be told from "lost" afterwards. Written by the
 * {@link AlarmDesk} with durability FULL, like its pages.
 */
public final class AlarmHolds {

    private final Database db;

    private AlarmHolds(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public static AlarmHolds of(Database db) {
        return new AlarmHolds(db);
    }

    /** Records that {@code alarm} is not sent for {@code reason}; replaces an earlier decision about it. */
    void hold(AlarmId alarm, HoldReason reason, String detail, Instant at) {
        db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO alarm_hold (alarm_id, reason, detail, held_ms, "
                    + "released_ms) VALUES (?, ?, ?, ?, NULL) ON CONFLICT (alarm_id) DO UPDATE SET reason = excluded.reason, "
                    + "detail = excluded.detail, held_ms = excluded.held_ms, released_ms = NULL")) {
                s.setLong(1, alarm.value());
                s.setString(2, reason.label());
                s.setString(3, detail);
                s.setLong(4, at.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    /** The alarms' holds end now: they are being sent after all. No-op for alarms never held. */
    void release(Collection<AlarmId> alarms, Instant at) {
        db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE alarm_hold SET released_ms = ? WHERE alarm_id = ? AND released_ms IS NULL")) {
                for (AlarmId a : alarms) {
                    s.setLong(1, at.toEpochMilli());
                    s.setLong(2, a.value());
                    s.addBatch();
                }
                return s.executeBatch().length;
            }
        });
    }

    /** The hold of {@code alarm}, if the desk ever held it. */
    public Optional<AlarmHold> find(AlarmId alarm) {
        return query("WHERE alarm_id = ?", alarm.value()).stream().findFirst();
    }

    /** Every hold, in alarm id order. */
    public List<AlarmHold> all() {
        return query("WHERE alarm_id >= ? ORDER BY alarm_id", 0);
    }

    private List<AlarmHold> query(String where, long id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT alarm_id, reason, detail, held_ms, released_ms FROM alarm_hold " + where)) {
                s.setLong(1, id);
                return rows(s);
            }
        });
    }

    private static List<AlarmHold> rows(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            List<AlarmHold> out = new ArrayList<>();
            while (rs.next()) {
                long released = rs.getLong(5);
                Optional<Instant> r = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(released));
                out.add(new AlarmHold(AlarmId.of(rs.getLong(1)), HoldReason.ofLabel(rs.getString(2)), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), r));
            }
            return List.copyOf(out);
        }
    }
}
