package io.herdgate.gateway.store;

import io.herdgate.rules.series.CowId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.OptionalLong;

/** Row ids of cows in table {@code cow}, creating a bare row for a cow not yet registered. */
final class Cows {

    private Cows() {
    }

    /** The cow's row id; inserts {@code cow(name)} first when absent. Call inside a write. */
    static long ensure(Connection c, CowId cow) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO cow (name) VALUES (?) ON CONFLICT (name) DO NOTHING")) {
            s.setString(1, cow.value());
            s.executeUpdate();
        }
        return find(c, cow).orElseThrow();
    }

    /** The cow's row id, if she is known. */
    static OptionalLong find(Connection c, CowId cow) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM cow WHERE name = ?")) {
            s.setString(1, cow.value());
            try (var rs = s.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }
}
