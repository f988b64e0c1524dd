package io.herdgate.gateway.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One SQLite database file holding the gateway's durable state, opened in WAL mode with foreign keys on.
 *
 * <p>Durability is chosen per write ({@link Durability}): counters, collars, pairings, alarms, audit
 * and checkpoints commit with {@code synchronous=FULL} (a committed write survives a power cut);
 * per-minute features commit with {@code NORMAL} (a power cut may lose the last batch, never corrupts).
 *
 * <p>A new file is created with permission 0600 where the file system supports POSIX permissions: it
 * holds the collars' root keys. SQLite gives its {@code -wal} and {@code -shm} files the same mode.
 *
 * <p>One connection, serialised: safe for use from several threads, one transaction at a time, taken in
 * the order asked for (a fair lock). Why fair: the ingest's bulk writes (counters, per-minute features)
 * come one after another from the same threads, and an unfair monitor may hand the connection back to
 * them again and again while an alarm's write waits. An alarm's write goes further ({@link #writeFirst}):
 * it is served before every transaction waiting, so it waits for the one under way only.
 */
public final class Database implements AutoCloseable {

    /** How long a write waits for another process (e.g. a backup) holding the lock. */
    public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);

    /** Page size of a new file, bytes; an existing file keeps the size it was created with. */
    public static final int PAGE_SIZE = 1024;

    /**
     * SQLite's page cache of the connection, KiB (SQLite's default is 2,000). The kernel caches the file's
     * pages anyway, so a large cache in the process mostly holds them twice; the gateway's reads are index
     * lookups of single rows and its writes appends.
     */
    public static final int CACHE_KIB = 512;

    private final Path file;
    private final Connection connection;
    private final boolean synced;
    private final Turns lock = new Turns();
    private Durability durability = Durability.FULL;
    /** Nesting of the write under way (guarded by {@link #lock}): 0 outside, 1 in the outer transaction. */
    private int depth;
    /** The durability the outer transaction commits with. */
    private Durability outer = Durability.FULL;
    /** Actions waiting for the outer transaction's commit. */
    private final List<Runnable> afterCommit = new ArrayList<>();

    private Database(Path file, Connection connection, boolean synced) {
        this.file = file;
        this.connection = connection;
        this.synced = synced;
    }

    /**
     * Opens (creating if needed) and migrates the database.
     *
     * @throws StoreException when the file cannot be opened, is newer than this build or a migration failed
     */
    public static Database open(Path file) {
        return open(file, Migrations.bundled(), true);
    }

    /**
     * As {@link #open(Path)}, but no write waits for the disk ({@code synchronous=OFF}): for simulations
     * whose data directory is thrown away (the demo), where a simulated week of per-frame counter writes
     * would otherwise take hours of fsyncs. A power cut may lose or corrupt such a file.
     */
    public static Database openUnsynced(Path file) {
        return open(file, Migrations.bundled(), false);
    }

    static Database open(Path file, Migrations migrations) {
        return open(file, migrations, true);
    }

    private static Database open(Path file, Migrations migrations, boolean synced) {
        Objects.requireNonNull(file, "file");
        createPrivate(file);
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new StoreException(file, "cannot open database", e);
        }
        try {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT.toMillis());
                // 1 KiB pages (new files only): a counter save appends one page to the WAL, so smaller
                // pages cut its bytes by four and feature batches by a quarter (see BENCHMARKS.md).
                s.execute("PRAGMA page_size = " + PAGE_SIZE);
                s.execute("PRAGMA cache_size = -" + CACHE_KIB);
                try (var rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                    String mode = rs.next() ? rs.getString(1) : "";
                    if (!"wal".equalsIgnoreCase(mode)) {
                        throw new StoreException(file, "cannot switch to WAL journal mode (got '" + mode + "')");
                    }
                }
                s.execute("PRAGMA synchronous = " + (synced ? "FULL" : "OFF"));
                s.execute("PRAGMA foreign_keys = ON");
                // Keep the WAL file from staying large on the card after a burst.
                s.execute("PRAGMA journal_size_limit = 4194304");
            }
            migrations.apply(c, file);
            return new Database(file, c, synced);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException(file, "cannot prepare database", e);
        }
    }

    private static void createPrivate(Path file) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // An existing database keeps the mode its owner gave it.
        } catch (UnsupportedOperationException e) {
            // No POSIX permissions here (e.g. FAT): SQLite creates the file itself.
        } catch (IOException e) {
            throw new StoreException(file, "cannot create database file", e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Already failing with a better error.
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The schema version of the open file ({@code PRAGMA user_version}). */
    public int schemaVersion() {
        return read(Migrations::userVersion);
    }

    /** The newest schema version this build knows. */
    public static int supportedSchemaVersion() {
        return Migrations.bundled().latest();
    }

    /** Runs read-only work outside a transaction. */
    public <T> T read(SqlWork<T> work) {
        lock.lock(false);
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(file, "read failed", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs work in one transaction committed with the given durability; rolled back if it fails.
     *
     * <p>Called inside another write on the same thread, the work joins the outer transaction (as a savepoint:
     * a failure rolls back only its own part, and what it wrote commits with the outer transaction, not
     * before). So a caller can make several stores' writes one commit, e.g. an alarm, its message chain and
     * its outbox row. The outer transaction must be at least as durable as each write inside it.
     *
     * @throws IllegalStateException for a {@link Durability#FULL} write inside a {@link Durability#NORMAL} one
     */
    public <T> T write(Durability d, SqlWork<T> work) {
        return write(d, work, false);
    }

    /**
     * As {@link #write}, served before every read and write waiting for the connection (those asked for the same
     * way first, in order): for an alarm's transaction, which must not queue behind the ingest's bulk writes.
     */
    public <T> T writeFirst(Durability d, SqlWork<T> work) {
        return write(d, work, true);
    }

    private <T> T write(Durability d, SqlWork<T> work, boolean first) {
        T result;
        List<Runnable> hooks;
        lock.lock(first);
        try {
            if (depth > 0) {
                return nested(d, work);
            }
            if (synced && d != durability) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA synchronous = " + d.name());
                }
                durability = d;
            }
            connection.setAutoCommit(false);
            outer = d;
            depth = 1;
            try {
                result = work.run(connection);
                connection.commit();
                hooks = List.copyOf(afterCommit);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                depth = 0;
                afterCommit.clear();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(file, "write failed, rolled back", e);
        } finally {
            lock.unlock();
        }
        hooks.forEach(Runnable::run);
        return result;
    }

    private <T> T nested(Durability d, SqlWork<T> work) throws SQLException {
        if (d == Durability.FULL && outer != Durability.FULL) {
            throw new IllegalStateException("a FULL write cannot join a " + outer + " transaction");
        }
        String savepoint = "nested" + depth;
        try (Statement s = connection.createStatement()) {
            s.execute("SAVEPOINT " + savepoint);
        }
        depth++;
        int hooksBefore = afterCommit.size();
        try {
            T result = work.run(connection);
            try (Statement s = connection.createStatement()) {
                s.execute("RELEASE " + savepoint);
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            try (Statement s = connection.createStatement()) {
                s.execute("ROLLBACK TO " + savepoint);
                s.execute("RELEASE " + savepoint);
            }
            // What the rolled-back part asked to run after the commit refers to rows that are gone.
            afterCommit.subList(hooksBefore, afterCommit.size()).clear();
            throw e;
        } finally {
            depth--;
        }
    }

    /**
     * Runs {@code action} once the current thread's transaction has committed, after the connection is released
     * (at once when this thread is not inside a {@link #write}); dropped when it rolls back. For what must not
     * be seen before the data is durable: waking the thread that sends it, logging it as committed.
     */
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        if (lock.isHeldByCurrentThread() && depth > 0) {
            afterCommit.add(action);
        } else {
            action.run();
        }
    }

    /** Closes the connection; SQLite checkpoints the WAL into the main file. */
    @Override
    public void close() {
        lock.lock(false);
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException(file, "close failed", e);
        } finally {
            lock.unlock();
        }
    }
}
