package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.series.CowId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    private static List<String> tables(Database db) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static String pragma(Database db, String name) {
        return db.read(c -> {
            try (var rs = c.createStatement().executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private void setUserVersion(Path file, int version) throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("PRAGMA user_version = " + version);
        }
    }

    @Test
    void open_emptyFile_migratesToTheLatestVersion_inWalModeWithForeignKeys() {
        try (Database db = Database.open(dir.resolve("herdgate.db"))) {
            assertEquals(Database.supportedSchemaVersion(), db.schemaVersion());
            // Each feature's migration adds its own tables; these are the store's.
            List<String> tables = tables(db);
            assertTrue(tables.containsAll(List.of("alarm", "audit", "audit_change", "collar", "cow", "detector_checkpoint",
                    "feature_minute", "firmware_progress", "frame_counter", "pairing")), tables.toString());
            assertEquals("wal", pragma(db, "journal_mode"));
            assertEquals("1", pragma(db, "foreign_keys"));
            assertEquals("2", pragma(db, "synchronous"), "FULL");
            assertEquals("5000", pragma(db, "busy_timeout"));
            assertEquals(String.valueOf(Database.PAGE_SIZE), pragma(db, "page_size"));
            assertEquals("-" + Database.CACHE_KIB, pragma(db, "cache_size"), "KiB");
        }
    }

    @Test
    void open_newFile_isReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("herdgate.db");
        Database.open(file).close();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(file));
        }
    }

    @Test
    void open_twice_keepsTheSchemaAndData() {
        Path file = dir.resolve("herdgate.db");
        Database.open(file).close();
        try (Database db = Database.open(file)) {
            assertEquals(Database.supportedSchemaVersion(), db.schemaVersion());
        }
    }

    @Test
    void open_fileAtVersion1_isMigratedToTheLatest_keepingItsRows() throws Exception {
        Path file = dir.resolve("herdgate.db");
        Migrations onlyV1 = Migrations.of(Migrations.FOLDER, List.of("V1__init.sql"));
        try (Database db = Database.open(file, onlyV1)) {
            assertEquals(1, db.schemaVersion());
            Herd.of(db).save(CowRecord.of(CowId.of("7019")));
        }

        try (Database db = Database.open(file)) {
            assertEquals(Database.supportedSchemaVersion(), db.schemaVersion());
            assertTrue(tables(db).contains("firmware_progress"));
            assertEquals(1, Herd.of(db).all().size());
        }
    }

    @Test
    void open_newerSchemaVersion_isRefusedNamingFileAndVersions() throws Exception {
        Path file = dir.resolve("herdgate.db");
        Database.open(file).close();
        setUserVersion(file, 99);

        StoreException e = assertThrows(StoreException.class, () -> Database.open(file));

        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        assertTrue(e.getMessage().contains("(" + Database.supportedSchemaVersion() + ")"), e.getMessage());
    }

    @Test
    void open_failingMigration_isRefused_andLeavesThePreviousVersionIntact() throws Exception {
        Path file = dir.resolve("herdgate.db");
        Migrations withBrokenV2 = Migrations.of("/io/herdgate/gateway/store/",
                List.of("migrations/V1__init.sql", "broken/V2__half.sql"));
        try (Database v1 = Database.open(file, Migrations.of(Migrations.FOLDER, List.of("V1__init.sql")))) {
            assertEquals(1, v1.schemaVersion());
        }

        StoreException e = assertThrows(StoreException.class, () -> Database.open(file, withBrokenV2));

        assertTrue(e.getMessage().contains("broken/V2__half.sql"), e.getMessage());
        assertTrue(e.getMessage().contains("left at version 1"), e.getMessage());
        try (Database db = Database.open(file, Migrations.of(Migrations.FOLDER, List.of("V1__init.sql")))) {
            assertEquals(1, db.schemaVersion());
            assertFalse(tables(db).contains("added_by_v2"), "half a migration survived");
        }
    }

    @Test
    void open_fileThatIsNotADatabase_isRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "this is not a database, just a long enough line of text to fill a header".repeat(20));

        StoreException e = assertThrows(StoreException.class, () -> Database.open(file));

        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    private static int rows(Database db) {
        return db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM scratch")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static void insert(Database db, Durability d, int x) {
        db.write(d, c -> c.createStatement().executeUpdate("INSERT INTO scratch VALUES (" + x + ")"));
    }

    private static Database withScratchTable(Path file) {
        Database db = Database.open(file);
        db.write(Durability.FULL, c -> c.createStatement().execute("CREATE TABLE scratch (x INTEGER)"));
        return db;
    }

    @Test
    void write_insideAnotherWrite_commitsWithIt_andAfterCommitRunsOnceTheConnectionIsFree() {
        try (Database db = withScratchTable(dir.resolve("herdgate.db"))) {
            List<String> seen = new ArrayList<>();
            db.write(Durability.FULL, c -> {
                insert(db, Durability.FULL, 1);
                insert(db, Durability.NORMAL, 2);
                db.afterCommit(() -> seen.add("after commit: " + rows(db) + " rows"));
                seen.add("outer work done");
                return null;
            });

            assertEquals(List.of("outer work done", "after commit: 2 rows"), seen);
            db.afterCommit(() -> seen.add("outside a write: at once"));
            assertEquals("outside a write: at once", seen.get(2));
        }
    }

    @Test
    void write_failingInsideAnotherWrite_rollsBackOnlyItsOwnPart() {
        try (Database db = withScratchTable(dir.resolve("herdgate.db"))) {
            db.write(Durability.FULL, c -> {
                insert(db, Durability.FULL, 1);
                assertThrows(IllegalStateException.class, () -> db.write(Durability.FULL, c2 -> {
                    c2.createStatement().executeUpdate("INSERT INTO scratch VALUES (2)");
                    throw new IllegalStateException("refused");
                }));
                return null;
            });

            assertEquals(1, rows(db));
        }
    }

    @Test
    void write_failingInsideAnotherWrite_dropsOnlyItsOwnAfterCommit() {
        try (Database db = withScratchTable(dir.resolve("herdgate.db"))) {
            List<String> seen = new ArrayList<>();
            db.write(Durability.FULL, c -> {
                db.afterCommit(() -> seen.add("outer"));
                assertThrows(IllegalStateException.class, () -> db.write(Durability.FULL, c2 -> {
                    db.afterCommit(() -> seen.add("rolled back"));
                    throw new IllegalStateException("refused");
                }));
                return null;
            });

            assertEquals(List.of("outer"), seen);
        }
    }

    @Test
    void write_outerRolledBack_takesTheWritesInsideIt_andDropsTheirAfterCommit() {
        try (Database db = withScratchTable(dir.resolve("herdgate.db"))) {
            List<String> seen = new ArrayList<>();
            assertThrows(IllegalStateException.class, () -> db.write(Durability.FULL, c -> {
                insert(db, Durability.FULL, 1);
                db.afterCommit(() -> seen.add("never"));
                throw new IllegalStateException("outer fails");
            }));

            assertEquals(0, rows(db));
            assertEquals(List.of(), seen);
        }
    }

    @Test
    void write_fullInsideANormalWrite_isRefused() {
        try (Database db = withScratchTable(dir.resolve("herdgate.db"))) {
            assertThrows(IllegalStateException.class, () -> db.write(Durability.NORMAL, c -> {
                insert(db, Durability.FULL, 1);
                return null;
            }));
            assertEquals(0, rows(db));
        }
    }

    @Test
    void writeFirst_isServedBeforeTheWritesAlreadyWaiting_whichKeepTheirOrder() throws Exception {
        try (Database db = withScratchTable(dir.resolve("herdgate.db"))) {
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch letGo = new CountDownLatch(1);
            Thread bulk = new Thread(() -> db.write(Durability.FULL, c -> {
                holding.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            bulk.start();
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            List<Thread> waiting = new ArrayList<>();
            for (String name : List.of("counters", "features")) {
                waiting.add(waitingFor(db, () -> db.write(Durability.FULL, c -> order.add(name))));
            }
            waiting.add(waitingFor(db, () -> db.read(c -> order.add("read"))));
            waiting.add(waitingFor(db, () -> db.writeFirst(Durability.FULL, c -> order.add("alarm"))));
            waiting.add(waitingFor(db, () -> db.writeFirst(Durability.FULL, c -> order.add("second alarm"))));

            letGo.countDown();
            bulk.join(10_000);
            for (Thread t : waiting) {
                t.join(10_000);
            }

            assertEquals(List.of("alarm", "second alarm", "counters", "features", "read"), order);
        }
    }

    /** Starts {@code work} on a thread of its own and returns once that thread waits for the connection. */
    private static Thread waitingFor(Database db, Runnable work) throws InterruptedException {
        Thread t = new Thread(work);
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(Thread.State.WAITING, t.getState(), "waits for the connection");
        return t;
    }
}
