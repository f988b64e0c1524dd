package io.herdgate.gateway.store;

import io.herdgate.gateway.ingest.Pairing;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which collar each cow wore when, in table {@code pairing}, written with {@link Durability#FULL}.
 * Pairing a collar to a cow closes whatever pairing either had, so a replaced collar leaves the cow's
 * history intact and a cow's observations can always be told apart from her collar's.
 */
public final class PairingHistory {

    private final Database db;

    private PairingHistory(Database db) {
        this.db = db;
    }

    public static PairingHistory of(Database db) {
        return new PairingHistory(db);
    }

    /**
     * Puts {@code collar} on {@code cow} from {@code at}: ends the collar's and the cow's open pairings at
     * {@code at} (a collar taken off becomes {@link CollarUse#SPARE}), marks this collar active and
     * creates the cow's row if she is new.
     *
     * @throws IllegalArgumentException when the collar is not registered in {@link Collars}
     */
    public void pair(CollarEui collar, CowId cow, Instant at) {
        db.write(Durability.FULL, c -> {
            if (Collars.find(c, collar).isEmpty()) {
                throw new IllegalArgumentException("collar " + collar + " is not registered; add it with its root key first");
            }
            long cowId = Cows.ensure(c, cow);
            Optional<CollarEui> previous = openCollarOf(c, cowId);
            close(c, "collar_eui = ?", collar.value(), at);
            close(c, "cow_id = ?", cowId, at);
            if (previous.isPresent() && !previous.get().equals(collar)) {
                Collars.setUse(c, previous.get(), CollarUse.SPARE);
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO pairing (collar_eui, cow_id, from_ms) VALUES (?, ?, ?)")) {
                s.setLong(1, collar.value());
                s.setLong(2, cowId);
                s.setLong(3, at.toEpochMilli());
                s.executeUpdate();
            }
            Collars.setUse(c, collar, CollarUse.ACTIVE);
            return null;
        });
    }

    /**
     * Takes {@code collar} off its cow at {@code at}; the collar becomes {@link CollarUse#SPARE}.
     *
     * @return whether it was on a cow
     */
    public boolean unpair(CollarEui collar, Instant at) {
        return db.write(Durability.FULL, c -> {
            boolean closed = close(c, "collar_eui = ?", collar.value(), at) > 0;
            if (closed) {
                Collars.setUse(c, collar, CollarUse.SPARE);
            }
            return closed;
        });
    }

    /**
     * The pairings in force with their collars' root keys, by collar: what
     * {@link io.herdgate.gateway.ingest.CollarDirectory#of} needs at start-up. Immutable.
     */
    public List<Pairing> current() {
        return db.read(c -> {
            List<Pairing> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT p.collar_eui, k.root_key, w.name FROM pairing p "
                    + "JOIN collar k ON k.eui = p.collar_eui JOIN cow w ON w.id = p.cow_id WHERE p.until_ms IS NULL")) {
                while (rs.next()) {
                    out.add(Pairing.of(CollarEui.of(rs.getLong(1)), AesKey.of(rs.getBytes(2)), CowId.of(rs.getString(3))));
                }
            }
            out.sort((a, b) -> a.eui().compareTo(b.eui()));
            return List.copyOf(out);
        });
    }

    /** Every collar the cow has worn, oldest first; immutable, empty for an unknown cow. */
    public List<PairingPeriod> history(CowId cow) {
        return db.read(c -> {
            List<PairingPeriod> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT p.collar_eui, p.from_ms, p.until_ms FROM pairing p "
                    + "JOIN cow w ON w.id = p.cow_id WHERE w.name = ? ORDER BY p.from_ms, p.id")) {
                s.setString(1, cow.value());
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        long until = rs.getLong(3);
                        Optional<Instant> end = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(until));
                        out.add(PairingPeriod.of(CollarEui.of(rs.getLong(1)), cow, Instant.ofEpochMilli(rs.getLong(2)), end));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    private static Optional<CollarEui> openCollarOf(Connection c, long cowId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT collar_eui FROM pairing WHERE cow_id = ? AND until_ms IS NULL")) {
            s.setLong(1, cowId);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.of(CollarEui.of(rs.getLong(1))) : Optional.empty();
            }
        }
    }

    private static int close(Connection c, String where, long key, Instant at) throws SQLException {
        // A pairing opened after `at` (clock stepped back) ends where it began rather than before it.
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE pairing SET until_ms = max(from_ms, ?) WHERE until_ms IS NULL AND " + where)) {
            s.setLong(1, at.toEpochMilli());
            s.setLong(2, key);
            return s.executeUpdate();
        }
    }
}
