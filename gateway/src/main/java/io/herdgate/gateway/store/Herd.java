package io.herdgate.gateway.store;

import io.herdgate.rules.config.GroupName;
import io.herdgate.rules.detect.CalvingCalendar;
import io.herdgate.rules.series.CowId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The cows in table {@code cow}, written with {@link Durability#FULL} (herd-book data typed in by hand). */
public final class Herd {

    private final Database db;

    private Herd(Database db) {
        this.db = db;
    }

    public static Herd of(Database db) {
        return new Herd(db);
    }

    /** Inserts the cow or replaces what is known about her. */
    public void save(CowRecord cow) {
        db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO cow (name, herd_group, calving_date, breeding_date) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (name) DO UPDATE SET herd_group = excluded.herd_group, "
                            + "calving_date = excluded.calving_date, breeding_date = excluded.breeding_date")) {
                s.setString(1, cow.id().value());
                s.setString(2, cow.group().map(GroupName::value).orElse(null));
                s.setString(3, cow.lastCalving().map(LocalDate::toString).orElse(null));
                s.setString(4, cow.lastBreeding().map(LocalDate::toString).orElse(null));
                return s.executeUpdate();
            }
        });
    }

    public Optional<CowRecord> find(CowId id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT name, herd_group, calving_date, breeding_date FROM cow WHERE name = ?")) {
                s.setString(1, id.value());
                try (var rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every cow, by name; immutable. */
    /**
     * The calving dates this table knows, for the detectors (a heat near a known calving is calving
     * restlessness): a cow's last calving at the start of its day in {@code zone}. Read from the table each
     * time a detector asks, so a date entered while the gateway runs counts at once.
     */
    public CalvingCalendar calendar(ZoneId zone) {
        return cow -> find(cow).flatMap(CowRecord::lastCalving)
                .map(d -> List.of(d.atStartOfDay(zone).toInstant())).orElse(List.of());
    }

    public List<CowRecord> all() {
        return db.read(c -> {
            List<CowRecord> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT name, herd_group, calving_date, breeding_date FROM cow ORDER BY name")) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return List.copyOf(out);
        });
    }

    private static CowRecord row(ResultSet rs) throws SQLException {
        return CowRecord.of(CowId.of(rs.getString(1)), Optional.ofNullable(rs.getString(2)).map(GroupName::of),
                Optional.ofNullable(rs.getString(3)).map(LocalDate::parse),
                Optional.ofNullable(rs.getString(4)).map(LocalDate::parse));
    }
}
