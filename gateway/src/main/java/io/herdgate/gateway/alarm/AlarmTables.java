package io.herdgate.gateway.alarm;

import io.herdgate.gateway.routing.RouteName;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.Durability;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Tables {@code alarm_page} and {@code alarm_ack}, written with durability FULL. */
final class AlarmTables {

    private final Database db;

    AlarmTables(Database db) {
        this.db = db;
    }

    void save(Page p) {
        db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO alarm_page (lead_id, members, route, step, sent, "
                    + "next_ms, opened_ms) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lead_id) DO UPDATE SET "
                    + "members = excluded.members, step = excluded.step, sent = excluded.sent, next_ms = excluded.next_ms")) {
                s.setLong(1, p.lead().value());
                s.setString(2, p.members().stream().map(AlarmId::toString).collect(Collectors.joining(",")));
                s.setString(3, p.route().value());
                s.setInt(4, p.step());
                s.setInt(5, p.sent());
                if (p.next().isPresent()) {
                    s.setLong(6, p.next().get().toEpochMilli());
                } else {
                    s.setNull(6, Types.INTEGER);
                }
                s.setLong(7, p.opened().toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    /** Every page, oldest first. */
    List<Page> pages() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT lead_id, members, route, step, sent, next_ms, opened_ms "
                    + "FROM alarm_page ORDER BY opened_ms, lead_id");
                 ResultSet rs = s.executeQuery()) {
                List<Page> out = new ArrayList<>();
                while (rs.next()) {
                    long next = rs.getLong(6);
                    Optional<Instant> nextAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next));
                    out.add(new Page(AlarmId.of(rs.getLong(1)), Arrays.stream(rs.getString(2).split(","))
                            .map(v -> AlarmId.of(Long.parseLong(v))).toList(), RouteName.of(rs.getString(3)), rs.getInt(4),
                            rs.getInt(5), nextAt, Instant.ofEpochMilli(rs.getLong(7))));
                }
                return out;
            }
        });
    }

    void acknowledge(AlarmId id, Acknowledgement a) {
        db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO alarm_ack (alarm_id, kind, who, via, at_ms) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (alarm_id) DO UPDATE SET kind = excluded.kind, who = excluded.who, "
                    + "via = excluded.via, at_ms = excluded.at_ms")) {
                s.setLong(1, id.value());
                s.setString(2, a.resolved() ? "resolved" : "acknowledged");
                s.setString(3, a.who());
                s.setString(4, a.via());
                s.setLong(5, a.at().toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    Map<AlarmId, Acknowledgement> acks() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT alarm_id, kind, who, via, at_ms FROM alarm_ack");
                 ResultSet rs = s.executeQuery()) {
                Map<AlarmId, Acknowledgement> out = new HashMap<>();
                while (rs.next()) {
                    out.put(AlarmId.of(rs.getLong(1)), Acknowledgement.of(rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5)), "resolved".equals(rs.getString(2))));
                }
                return out;
            }
        });
    }
}
