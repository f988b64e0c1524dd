package io.herdgate.gateway.store;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.detect.AlarmListener;
import io.herdgate.rules.series.CowId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alarms in table {@code alarm}, written with {@link Durability#FULL}: an alarm the farmer was not told
 * about must still be there after a power cut. An alarm is identified by cow, type and raised-at;
 * recording it again (updated, cleared) changes that row. As an {@link AlarmListener} it records every
 * engine event.
 */
public final class AlarmLog implements AlarmListener {

    private static final String COLUMNS =
            "a.id, w.name, a.type, a.severity, a.raised_ms, a.cleared_ms, a.next_heat_ms, a.explanation";

    private final Database db;

    private AlarmLog(Database db) {
        this.db = db;
    }

    public static AlarmLog of(Database db) {
        return new AlarmLog(db);
    }

    /** Records a raised, updated or cleared alarm; the id is the same for every state of one alarm. */
    public AlarmId record(Alarm a) {
        return db.write(Durability.FULL, c -> {
            long cowId = Cows.ensure(c, a.cow());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO alarm (cow_id, type, severity, raised_ms, "
                    + "cleared_ms, next_heat_ms, explanation) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (cow_id, type, raised_ms) DO UPDATE SET severity = excluded.severity, "
                    + "cleared_ms = excluded.cleared_ms, next_heat_ms = excluded.next_heat_ms, "
                    + "explanation = excluded.explanation RETURNING id")) {
                s.setLong(1, cowId);
                s.setString(2, a.type().jsonName());
                s.setString(3, a.severity().jsonName());
                s.setLong(4, a.raisedAt().toEpochMilli());
                setInstant(s, 5, a.clearedAt());
                setInstant(s, 6, a.nextExpectedHeat());
                s.setString(7, ExplanationJson.write(a.explanation()));
                try (var rs = s.executeQuery()) {
                    rs.next();
                    return AlarmId.of(rs.getLong(1));
                }
            }
        });
    }

    @Override
    public void onEvent(AlarmEvent event) {
        record(event.alarm());
    }

    public Optional<StoredAlarm> find(AlarmId id) {
        List<StoredAlarm> found = query("a.id = " + id.value());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Alarms not cleared, oldest first; immutable. */
    public List<StoredAlarm> active() {
        return query("a.cleared_ms IS NULL");
    }

    /** The cow's alarms raised in {@code [from, to)}, oldest first; immutable. */
    public List<StoredAlarm> of(CowId cow, Instant from, Instant to) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM alarm a JOIN cow w ON w.id = a.cow_id "
                    + "WHERE w.name = ? AND a.raised_ms >= ? AND a.raised_ms < ? ORDER BY a.raised_ms, a.id")) {
                s.setString(1, cow.value());
                s.setLong(2, from.toEpochMilli());
                s.setLong(3, to.toEpochMilli());
                return rows(s.executeQuery());
            }
        });
    }

    /** Every cow's alarms raised in {@code [from, to)}, oldest first; immutable. */
    public List<StoredAlarm> raisedBetween(Instant from, Instant to) {
        return query("a.raised_ms >= " + from.toEpochMilli() + " AND a.raised_ms < " + to.toEpochMilli());
    }

    private List<StoredAlarm> query(String where) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM alarm a JOIN cow w ON w.id = a.cow_id WHERE " + where + " ORDER BY a.raised_ms, a.id")) {
                return rows(s.executeQuery());
            }
        });
    }

    private List<StoredAlarm> rows(ResultSet rs) throws SQLException {
        try (rs) {
            List<StoredAlarm> out = new ArrayList<>();
            while (rs.next()) {
                long id = rs.getLong(1);
                try {
                    Alarm a = new Alarm(CowId.of(rs.getString(2)), known(AlarmType.fromJsonName(rs.getString(3)), rs.getString(3)),
                            Instant.ofEpochMilli(rs.getLong(5)), known(Severity.fromJsonName(rs.getString(4)), rs.getString(4)),
                            instant(rs, 6), ExplanationJson.read(rs.getString(8)), instant(rs, 7));
                    out.add(StoredAlarm.of(AlarmId.of(id), a));
                } catch (IllegalArgumentException e) {
                    throw new StoreException(db.file(), "alarm " + id + " is unreadable", e);
                }
            }
            return List.copyOf(out);
        }
    }

    private static <T> T known(Optional<T> v, String text) {
        return v.orElseThrow(() -> new IllegalArgumentException("unknown value '" + text + "'"));
    }

    private static Optional<Instant> instant(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    private static void setInstant(PreparedStatement s, int i, Optional<Instant> v) throws SQLException {
        if (v.isPresent()) {
            s.setLong(i, v.get().toEpochMilli());
        } else {
            s.setNull(i, Types.INTEGER);
        }
    }
}
