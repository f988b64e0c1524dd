package io.herdgate.gateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbered schema migrations bundled with this build, applied in order. Migration {@code n} (1-based)
 * takes a database from schema version {@code n-1} to {@code n}; {@code PRAGMA user_version} holds the
 * version. Each migration runs in one transaction together with the version bump, so a failure leaves
 * the file at the previous version.
 */
final class Migrations {

    static final String FOLDER = "/io/herdgate/gateway/store/migrations/";

    /** Resource names relative to {@link #FOLDER}; index i is version i+1. Append, never edit. */
    private static final List<String> BUNDLED = List.of("V1__init.sql", "V2__firmware_progress.sql", "V3__alarms.sql",
            "V4__whatsapp.sql", "V5__upstream.sql", "V6__sessions.sql", "V7__checkpoint_chunks.sql", "V8__alarm_holds.sql",
            "V9__posture.sql", "V10__frame_counter_frames.sql");

    private final String folder;
    private final List<String> names;

    private Migrations(String folder, List<String> names) {
        this.folder = folder;
        this.names = List.copyOf(names);
    }

    static Migrations bundled() {
        return new Migrations(FOLDER, BUNDLED);
    }

    /** Migrations from other resources (tests of failure handling). */
    static Migrations of(String folder, List<String> names) {
        return new Migrations(folder, names);
    }

    /** The newest schema version these migrations produce. */
    int latest() {
        return names.size();
    }

    /**
     * Brings the database to {@link #latest()}.
     *
     * @throws StoreException when the file is newer than this build or a migration fails
     */
    void apply(Connection c, Path file) throws SQLException {
        int version = userVersion(c);
        if (version > latest()) {
            throw new StoreException(file, "schema version " + version + " is newer than this build supports ("
                    + latest() + "); run a newer herdgate or restore a backup made by this version");
        }
        for (int v = version + 1; v <= latest(); v++) {
            String name = names.get(v - 1);
            List<String> statements = statements(name, file);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.executeUpdate(sql);
                }
                s.executeUpdate("PRAGMA user_version = " + v);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new StoreException(file, "migration " + name + " to schema version " + v
                        + " failed, file left at version " + (v - 1), e);
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The statements of one migration: comment lines dropped, split at a semicolon ending a line. */
    private List<String> statements(String name, Path file) {
        String text;
        try (InputStream in = Migrations.class.getResourceAsStream(folder + name)) {
            if (in == null) {
                throw new StoreException(file, "migration resource " + folder + name + " is missing from this build");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException(file, "cannot read migration " + folder + name, e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (t.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new StoreException(file, "migration " + name + " ends without a semicolon: " + current.toString().strip());
        }
        return out;
    }
}
