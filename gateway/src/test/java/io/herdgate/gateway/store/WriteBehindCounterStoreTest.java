package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.protocol.Samples;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.session.CounterState;
import io.herdgate.protocol.session.CounterStream;
import io.herdgate.sim.herd.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
}
