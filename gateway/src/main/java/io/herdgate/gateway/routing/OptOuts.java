package io.herdgate.gateway.routing;

import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.Durability;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;

/** Numbers that answered STOP, in table {@code opt_out}, until they answer START. Durability FULL. */
public final class OptOuts {

    private final Database db;

    private OptOuts(Database db) {
        this.db = db;
    }

    public static OptOuts of(Database db) {
        return new OptOuts(Objects.requireNonNull(db, "db"));
    }

    public void optOut(PhoneNumber phone, Instant at) {
        db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO opt_out (phone, at_ms) VALUES (?, ?) "
                    + "ON CONFLICT (phone) DO NOTHING")) {
                s.setString(1, phone.e164());
                s.setLong(2, at.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    public void optIn(PhoneNumber phone) {
        db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM opt_out WHERE phone = ?")) {
                s.setString(1, phone.e164());
                return s.executeUpdate();
            }
        });
    }

    public boolean isOptedOut(PhoneNumber phone) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM opt_out WHERE phone = ?")) {
                s.setString(1, phone.e164());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
