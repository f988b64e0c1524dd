package io.herdgate.gateway.store;

import io.herdgate.rules.audit.AuditException;
import io.herdgate.rules.audit.AuditRecord;
import io.herdgate.rules.audit.AuditSink;
import io.herdgate.rules.audit.ParameterChange;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule-change audit in tables {@code audit} and {@code audit_change}, one transaction per record with
 * {@link Durability#FULL}: who changed which alarm threshold must survive a power cut.
 */
public final class SqliteAuditSink implements AuditSink {

    private final Database db;

    private SqliteAuditSink(Database db) {
        this.db = db;
    }

    public static SqliteAuditSink of(Database db) {
        return new SqliteAuditSink(db);
    }

    @Override
    public void append(AuditRecord record) throws AuditException {
        try {
            db.write(Durability.FULL, c -> {
                long id;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO audit (at_ms, who, source) VALUES (?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    s.setLong(1, record.at().toEpochMilli());
                    s.setString(2, record.who());
                    s.setString(3, record.source());
                    s.executeUpdate();
                    try (var keys = s.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO audit_change (audit_id, seq, path, before, after) VALUES (?, ?, ?, ?, ?)")) {
                    int seq = 0;
                    for (ParameterChange ch : record.changes()) {
                        s.setLong(1, id);
                        s.setInt(2, seq++);
                        s.setString(3, ch.path());
                        s.setString(4, ch.before().orElse(null));
                        s.setString(5, ch.after().orElse(null));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                return id;
            });
        } catch (StoreException e) {
            throw new AuditException("audit record not stored in " + e.file(), e);
        }
    }

    /** Every stored record, oldest first; immutable. */
    public List<AuditRecord> all() {
        return db.read(c -> {
            Map<Long, AuditRecord> heads = new LinkedHashMap<>();
            Map<Long, List<ParameterChange>> changes = new LinkedHashMap<>();
            try (var rs = c.createStatement().executeQuery("SELECT id, at_ms, who, source FROM audit ORDER BY id")) {
                while (rs.next()) {
                    heads.put(rs.getLong(1), AuditRecord.of(Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                            rs.getString(4), List.of()));
                    changes.put(rs.getLong(1), new ArrayList<>());
                }
            }
            try (var rs = c.createStatement().executeQuery(
                    "SELECT audit_id, path, before, after FROM audit_change ORDER BY audit_id, seq")) {
                while (rs.next()) {
                    changes.get(rs.getLong(1)).add(ParameterChange.of(rs.getString(2),
                            Optional.ofNullable(rs.getString(3)), Optional.ofNullable(rs.getString(4))));
                }
            }
            List<AuditRecord> out = new ArrayList<>();
            heads.forEach((id, h) -> out.add(AuditRecord.of(h.at(), h.who(), h.source(), changes.get(id))));
            return List.copyOf(out);
        });
    }
}
