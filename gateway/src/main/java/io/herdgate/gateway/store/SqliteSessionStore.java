package io.herdgate.gateway.store;

import io.herdgate.gateway.ingest.SavedSession;
import io.herdgate.gateway.ingest.SessionStore;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.crypto.SessionKeys;
import io.herdgate.protocol.frame.CollarEui;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Collar sessions in table {@code collar_session}, one row per collar, written through with
 * {@link Durability#FULL}: a join is rare, and a session lost in a power cut would silence the collar
 * until it joins again. The keys are as secret as the root keys in the same file and never logged.
 */
public final class SqliteSessionStore implements SessionStore {

    private final Database db;

    private SqliteSessionStore(Database db) {
        this.db = db;
    }

    public static SqliteSessionStore of(Database db) {
        return new SqliteSessionStore(db);
    }

    @Override
    public List<SavedSession> loadAll() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT collar_eui, mic_key, payload_key, accept_frame, root_key_sha256 FROM collar_session");
                 ResultSet rs = s.executeQuery()) {
                List<SavedSession> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(SavedSession.of(CollarEui.of(rs.getLong(1)),
                            SessionKeys.of(AesKey.of(rs.getBytes(2)), AesKey.of(rs.getBytes(3))),
                            rs.getBytes(4), rs.getBytes(5)));
                }
                return List.copyOf(all);
            }
        });
    }

    @Override
    public void save(SavedSession session) {
        db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO collar_session (collar_eui, mic_key, payload_key, accept_frame, root_key_sha256) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (collar_eui) DO UPDATE SET mic_key = excluded.mic_key, "
                            + "payload_key = excluded.payload_key, accept_frame = excluded.accept_frame, "
                            + "root_key_sha256 = excluded.root_key_sha256")) {
                s.setLong(1, session.eui().value());
                s.setBytes(2, session.keys().micKey().bytes());
                s.setBytes(3, session.keys().payloadKey().bytes());
                s.setBytes(4, session.acceptFrame());
                s.setBytes(5, session.rootKeyDigest());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void remove(CollarEui eui) {
        db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM collar_session WHERE collar_eui = ?")) {
                s.setLong(1, eui.value());
                return s.executeUpdate();
            }
        });
    }
}
