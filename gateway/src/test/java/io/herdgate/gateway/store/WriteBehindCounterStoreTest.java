package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.protocol.Samples;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.session.CounterState;
import io.herdgate.protocol.session.CounterStream;
import io.herdgate.sim.herd.ManualClock;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindCounterStoreTest {

    private static final CollarEui OTHER = CollarEui.parse("70B3D57ED0009999");
    private static final FlushPolicy FIVE_MINUTES = FlushPolicy.of(Duration.ofMinutes(5), 3);

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.of(Instant.parse("2026-05-01T00:00:00Z"));

    @Test
    void uplinkSave_reachesTheDiskOnlyOnceTheIntervalHasPassed_butIsLoadedAtOnce() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            SqliteCounterStore disk = SqliteCounterStore.of(db);
            WriteBehindCounterStore store = WriteBehindCounterStore.of(disk, FIVE_MINUTES, clock);

            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(7, 1));
            assertEquals(Optional.of(CounterState.of(7, 1)), store.load(Samples.EUI, CounterStream.UPLINK));
            assertEquals(Optional.empty(), disk.load(Samples.EUI, CounterStream.UPLINK));

            clock.advance(Duration.ofMinutes(5));
            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(8, 2));
            assertEquals(Optional.of(CounterState.of(8, 2)), disk.load(Samples.EUI, CounterStream.UPLINK));
            assertEquals(0, store.pending());
        }
    }

    @Test
    void downlinkCountersAndJoinNonces_areWrittenThrough() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            SqliteCounterStore disk = SqliteCounterStore.of(db);
            WriteBehindCounterStore store = WriteBehindCounterStore.of(disk, FIVE_MINUTES, clock);

            store.save(Samples.EUI, CounterStream.DOWNLINK, CounterState.of(3, 0));
            store.save(Samples.EUI, CounterStream.JOIN, CounterState.of(9, 0));

            assertEquals(Optional.of(CounterState.of(3, 0)), disk.load(Samples.EUI, CounterStream.DOWNLINK));
            assertEquals(Optional.of(CounterState.of(9, 0)), disk.load(Samples.EUI, CounterStream.JOIN));
            assertEquals(0, store.pending());
        }
    }

    @Test
    void close_writesEveryPendingState_soACleanRestartKeepsTheLatestCounters() {
        Path file = dir.resolve("h.db");
        try (Database db = Database.open(file);
             WriteBehindCounterStore store = WriteBehindCounterStore.of(SqliteCounterStore.of(db), FIVE_MINUTES, clock)) {
            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(41, 1));
            store.save(OTHER, CounterStream.UPLINK, CounterState.of(12, 2));
        }
        try (Database db = Database.open(file)) {
            SqliteCounterStore disk = SqliteCounterStore.of(db);
            assertEquals(Optional.of(CounterState.of(41, 1)), disk.load(Samples.EUI, CounterStream.UPLINK));
            assertEquals(Optional.of(CounterState.of(12, 2)), disk.load(OTHER, CounterStream.UPLINK));
        }
    }

    @Test
    void manyWaitingCollars_waitForTheInterval_oneStateEach() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            SqliteCounterStore disk = SqliteCounterStore.of(db);
            WriteBehindCounterStore store = WriteBehindCounterStore.of(disk, FIVE_MINUTES, clock);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 5; i++) {
                    store.save(CollarEui.of(0x70B3D57ED0000000L + i), CounterStream.UPLINK, CounterState.of(round, i));
                }
            }
            assertEquals(5, store.pending());
            assertEquals(Optional.empty(), disk.load(CollarEui.of(0x70B3D57ED0000002L), CounterStream.UPLINK));
        }
    }

    @Test
    void clear_dropsThePendingStateAndTheRow() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            SqliteCounterStore disk = SqliteCounterStore.of(db);
            WriteBehindCounterStore store = WriteBehindCounterStore.of(disk, FIVE_MINUTES, clock);
            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(7, 1));
            store.clear(Samples.EUI, CounterStream.UPLINK);
            store.flush();
            assertEquals(Optional.empty(), store.load(Samples.EUI, CounterStream.UPLINK));
        }
    }

    @Test
    void acceptedFrames_areCountedWithTheCounter_andTheCountRestartsAtAJoin() {
        Path file = dir.resolve("h.db");
        try (Database db = Database.open(file);
             WriteBehindCounterStore store = WriteBehindCounterStore.of(SqliteCounterStore.of(db), FIVE_MINUTES, clock)) {
            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(0, 1));
            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(1, 1));
            clock.advance(Duration.ofMinutes(5));
            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(3, 1)); // counter 2 never came
            store.save(OTHER, CounterStream.UPLINK, CounterState.of(5, 1));
            store.clear(OTHER, CounterStream.UPLINK); // joined again
            store.save(OTHER, CounterStream.UPLINK, CounterState.of(0, 1));
        }
        try (Database db = Database.open(file)) {
            SqliteCounterStore disk = SqliteCounterStore.of(db);
            assertEquals(Optional.of(UplinkTally.of(Samples.EUI, 3, 3)), disk.uplinkTally(Samples.EUI));
            assertEquals(Optional.of(UplinkTally.of(OTHER, 0, 1)), disk.uplinkTally(OTHER));
        }
    }

    @Test
    void flushIfDue_onATimer_writesWhatAQuietHerdLeftPending() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            SqliteCounterStore disk = SqliteCounterStore.of(db);
            WriteBehindCounterStore store = WriteBehindCounterStore.of(disk, FIVE_MINUTES, clock);
            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(7, 1));

            clock.advance(Duration.ofMinutes(4));
            store.flushIfDue();
            assertEquals(Optional.empty(), disk.uplinkTally(Samples.EUI));

            clock.advance(Duration.ofMinutes(1));
            store.flushIfDue();
            assertEquals(Optional.of(UplinkTally.of(Samples.EUI, 7, 1)), disk.uplinkTally(Samples.EUI));
            assertEquals(0, store.pending());
        }
    }

    @Test
    void ingestAndTimerFlushingAtOnce_neverWriteAnOlderCounterOverANewer_norLoseACount() throws Exception {
        Path file = dir.resolve("h.db");
        int frames = 2_000;
        try (Database db = Database.openUnsynced(file)) {
            // a one-second interval on the wall clock: the ingest thread flushes often, the timer thread always
            WriteBehindCounterStore store = WriteBehindCounterStore.of(SqliteCounterStore.of(db),
                    FlushPolicy.of(Duration.ofSeconds(1), 1), Clock.systemUTC());
            AtomicBoolean done = new AtomicBoolean();
            Thread timer = flushingUntil(store, done);
            long seen = -1;
            for (int n = 0; n < frames; n++) {
                store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(n, n));
                long loaded = store.load(Samples.EUI, CounterStream.UPLINK).orElseThrow().counter();
                assertEquals(n, loaded, "load after save " + n);
                long onDisk = SqliteCounterStore.of(db).load(Samples.EUI, CounterStream.UPLINK).map(CounterState::counter).orElse(-1L);
                assertTrue(onDisk >= seen, "the counter on disk went back from " + seen + " to " + onDisk);
                seen = onDisk;
            }
            done.set(true);
            timer.join(10_000);
            store.close();
            assertEquals(Optional.of(UplinkTally.of(Samples.EUI, frames - 1, frames)), SqliteCounterStore.of(db).uplinkTally(Samples.EUI));
        }
    }

    @Test
    void flushThatFails_keepsItsStatesForTheNext_newerStatesWinning_andCountsAddingUp() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            SqliteCounterStore disk = SqliteCounterStore.of(db);
            WriteBehindCounterStore store = WriteBehindCounterStore.of(disk, FIVE_MINUTES, clock);
            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(1, 11));
            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(2, 12));
            store.save(OTHER, CounterStream.UPLINK, CounterState.of(7, 17));
            renameTable(db, "frame_counter", "frame_counter_away"); // the next write fails

            assertThrows(StoreException.class, store::flush);
            assertEquals(2, store.pending());
            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(3, 13));
            assertEquals(Optional.of(CounterState.of(7, 17)), store.load(OTHER, CounterStream.UPLINK));

            renameTable(db, "frame_counter_away", "frame_counter");
            store.flush();
            assertEquals(Optional.of(UplinkTally.of(Samples.EUI, 3, 3)), disk.uplinkTally(Samples.EUI));
            assertEquals(Optional.of(UplinkTally.of(OTHER, 7, 1)), disk.uplinkTally(OTHER));
            assertEquals(Optional.of(CounterState.of(3, 13)), disk.load(Samples.EUI, CounterStream.UPLINK));
        }
    }

    private static void renameTable(Database db, String from, String to) {
        db.write(Durability.FULL, c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("ALTER TABLE " + from + " RENAME TO " + to);
            }
        });
    }

    @Test
    void clearAtAJoin_isNotUndoneByABatchTheTimerIsWriting() throws Exception {
        try (Database db = Database.openUnsynced(dir.resolve("h.db"))) {
            WriteBehindCounterStore store = WriteBehindCounterStore.of(SqliteCounterStore.of(db),
                    FlushPolicy.of(Duration.ofHours(1), 1), clock);
            AtomicBoolean done = new AtomicBoolean();
            Thread timer = flushingUntil(store, done);
            for (int round = 0; round < 300; round++) {
                store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(1_000 + round, 1));
                store.clear(Samples.EUI, CounterStream.UPLINK); // joined again: the old session is gone
                assertEquals(Optional.empty(), store.load(Samples.EUI, CounterStream.UPLINK), "round " + round);
            }
            done.set(true);
            timer.join(10_000);
            store.flush();
            assertEquals(Optional.empty(), SqliteCounterStore.of(db).uplinkTally(Samples.EUI));
        }
    }

    /** A started thread that flushes {@code store} again and again, as the timer would, until {@code done}. */
    private static Thread flushingUntil(WriteBehindCounterStore store, AtomicBoolean done) {
        Thread timer = new Thread(() -> {
            while (!done.get()) {
                store.flush();
                Thread.yield();
            }
        });
        timer.start();
        return timer;
    }
}
