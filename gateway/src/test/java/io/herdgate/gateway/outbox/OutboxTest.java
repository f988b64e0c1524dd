package io.herdgate.gateway.outbox;

import static io.herdgate.gateway.outbox.Notifications.alarm;
import static io.herdgate.gateway.outbox.Notifications.anna;
import static io.herdgate.gateway.outbox.Notifications.bob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.Durability;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.of(Notifications.RAISED);

    private Outbox open(Database db, int capacity, OutboxWatcher w) {
        return Outbox.open(db, OutboxSettings.defaults().withCapacity(capacity), clock, w);
    }

    /** Queues alarm {@code alarmId}'s first message to Anna on WhatsApp; returns its row. */
    private static OutboxId queued(Outbox o, long alarmId) {
        return assertInstanceOf(EnqueueResult.Accepted.class,
                o.enqueue(alarm(alarmId, anna(), 0, Priority.NORMAL), ChannelName.WHATSAPP)).id();
    }

    @Test
    void enqueue_sameKeyTwice_storesOneRow() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Outbox o = open(db, 100, OutboxWatcher.none());
            EnqueueResult first = o.enqueue(alarm(1, anna(), 0, Priority.NORMAL), ChannelName.WHATSAPP);
            EnqueueResult again = o.enqueue(alarm(1, anna(), 0, Priority.NORMAL), ChannelName.WHATSAPP);

            EnqueueResult.Accepted a = assertInstanceOf(EnqueueResult.Accepted.class, first);
            assertEquals(new EnqueueResult.AlreadyQueued(a.id()), again);
            assertEquals(1, o.unsent().size());
        }
    }

    @Test
    void enqueuedNotifications_surviveReopen_unchanged() {
        Notification heat = alarm(7, anna(), 2, Priority.HIGH);
        Notification summary = Notification.of(NotificationKey.of("summary/2026-05-01/bob"), bob(), Priority.LOW,
                new Content.DailySummary(LocalDate.of(2026, 5, 1), List.of(CowId.of("17")), List.of(),
                        Map.of(CowId.of("22"), LocalDate.of(2026, 5, 9)), List.of(CowId.of("3"))));
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Outbox o = open(db, 100, OutboxWatcher.none());
            o.enqueue(heat, ChannelName.WHATSAPP);
            o.enqueue(summary, ChannelName.SMS);
        }
        try (Database db = Database.open(dir.resolve("h.db"))) {
            List<OutboxEntry> rows = open(db, 100, OutboxWatcher.none()).unsent();
            assertEquals(List.of(heat, summary), rows.stream().map(OutboxEntry::notification).toList());
            assertEquals(List.of(ChannelName.WHATSAPP, ChannelName.SMS), rows.stream().map(OutboxEntry::channel).toList());
        }
    }

    @Test
    void inFlightRowAtOpen_goesBackToPending_andIsCounted() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Outbox o = open(db, 100, OutboxWatcher.none());
            OutboxId a = queued(o, 1);
            assertTrue(o.claim(a, ChannelName.WHATSAPP, clock.instant()));
            // No "sent" mark: the process dies here.
        }
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Outbox o = open(db, 100, OutboxWatcher.none());
            assertEquals(1, o.recoveredOnOpen());
            OutboxEntry row = o.due(clock.instant(), 10).get(0);
            assertEquals(OutboxState.PENDING, row.state());
            assertEquals(1, row.attempts());
        }
    }

    @Test
    void claim_ofARowMovedToAnotherChannelSinceItWasRead_isRefused() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Outbox o = open(db, 100, OutboxWatcher.none());
            OutboxId a = queued(o, 1);
            OutboxEntry read = o.due(clock.instant(), 10).get(0);
            o.moveTo(a, ChannelName.SMS, "WHATSAPP unusable"); // another worker's fallback, after the read

            assertFalse(o.claim(read.id(), read.channel(), clock.instant()));
            OutboxEntry row = o.due(clock.instant(), 10).get(0);
            assertEquals(OutboxState.PENDING, row.state());
            assertEquals(ChannelName.SMS, row.channel());
            assertEquals(0, row.attempts());
            assertTrue(o.claim(a, ChannelName.SMS, clock.instant()));
        }
    }

    @Test
    void onStatus_deliveredCommitsUnsynced_failedSynced() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Outbox o = open(db, 100, OutboxWatcher.none());
            OutboxId a = queued(o, 1);
            assertTrue(o.claim(a, ChannelName.WHATSAPP, clock.instant()));
            o.sent(a, "wamid.1", true);

            // A NORMAL status joins a NORMAL transaction; a FULL one inside it is refused, so this shows each's durability.
            OutboxEntry delivered = db.write(Durability.NORMAL, c -> o.onStatus(
                    DeliveryStatus.of("wamid.1", DeliveryStatus.State.DELIVERED, clock.instant(), ""))).orElseThrow();
            assertEquals(Optional.of("delivered"), delivered.delivery());
            assertThrows(IllegalStateException.class, () -> db.write(Durability.NORMAL, c -> o.onStatus(
                    DeliveryStatus.of("wamid.1", DeliveryStatus.State.FAILED, clock.instant(), "131026"))));
            assertEquals(Optional.of("failed"), o.onStatus(
                    DeliveryStatus.of("wamid.1", DeliveryStatus.State.FAILED, clock.instant(), "131026")).orElseThrow().delivery());
        }
    }

    @Test
    void full_dropsTheLeastUrgentNewestRow_forAMoreUrgentOne_andTellsTheWatcher() {
        List<String> told = new ArrayList<>();
        OutboxWatcher w = new OutboxWatcher() {
            @Override
            public void onFull(int capacity) {
                told.add("full " + capacity);
            }

            @Override
            public void onDrained(int pending) {
                told.add("drained " + pending);
            }
        };
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Outbox o = open(db, 10, w);
            for (int i = 1; i <= 10; i++) {
                o.enqueue(alarm(i, anna(), 0, i <= 5 ? Priority.LOW : Priority.CRITICAL), ChannelName.WHATSAPP);
            }
            assertEquals(List.of("full 10"), told);

            EnqueueResult critical = o.enqueue(alarm(11, bob(), 0, Priority.CRITICAL), ChannelName.WHATSAPP);
            EnqueueResult low = o.enqueue(alarm(12, bob(), 0, Priority.LOW), ChannelName.WHATSAPP);

            assertInstanceOf(EnqueueResult.Accepted.class, critical);
            assertEquals(new EnqueueResult.Full(10), low);
            assertEquals(OutboxState.DROPPED, o.find(alarm(5, anna(), 0, Priority.LOW).key()).orElseThrow().state());
            assertEquals(OutboxState.PENDING, o.find(alarm(4, anna(), 0, Priority.LOW).key()).orElseThrow().state());

            for (int i = 1; i <= 6; i++) {
                o.cancelAlarm(AlarmId.of(i));
            }
            assertEquals(List.of("full 10", "drained 5"), told);
        }
    }

    @Test
    void cancelAlarm_cancelsEveryPendingStepOfThatAlarmOnly() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Outbox o = open(db, 100, OutboxWatcher.none());
            o.enqueue(alarm(1, anna(), 0, Priority.NORMAL), ChannelName.WHATSAPP);
            o.enqueue(alarm(1, bob(), 1, Priority.NORMAL), ChannelName.WHATSAPP);
            o.enqueue(alarm(10, anna(), 0, Priority.NORMAL), ChannelName.WHATSAPP);

            assertEquals(2, o.cancelAlarm(AlarmId.of(1)));
            assertEquals(List.of(alarm(10, anna(), 0, Priority.NORMAL)),
                    o.unsent().stream().map(OutboxEntry::notification).toList());
        }
    }

    @Test
    void rowCancelledWhileItsCallIsUnderWay_staysCancelled_whenTheCallAsksForARetryOrAnotherChannel() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Outbox o = open(db, 100, OutboxWatcher.none());
            // One row taken by the poll (in flight), one handed off (still pending while its call runs).
            OutboxId polled = queued(o, 1);
            OutboxId handed = queued(o, 2);
            assertTrue(o.claim(polled, ChannelName.WHATSAPP, clock.instant()));

            // Acknowledged and opted out during the calls.
            assertEquals(1, o.cancelAlarm(AlarmId.of(1)));
            assertEquals(1, o.cancelTo(anna().phone()));
            o.retryAt(polled, clock.instant(), "429");
            o.moveTo(handed, ChannelName.SMS, "no answer");

            assertEquals(List.of(), o.unsent());
            assertEquals(List.of(), o.due(clock.instant().plusSeconds(3600), 10));
        }
    }

    @Test
    void rowsUnsentPastExpiry_areGivenUp() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            Outbox o = open(db, 100, OutboxWatcher.none());
            o.enqueue(alarm(1, anna(), 0, Priority.NORMAL), ChannelName.WHATSAPP);
            clock.advance(Duration.ofHours(25));
            o.enqueue(alarm(2, anna(), 0, Priority.NORMAL), ChannelName.WHATSAPP);

            assertEquals(1, o.expireOlderThan(clock.instant().minus(Duration.ofHours(24))));
            assertEquals(OutboxState.EXPIRED, o.find(NotificationKey.forAlarm(AlarmId.of(1), anna().contact(), 0))
                    .orElseThrow().state());
            assertEquals(1, o.unsent().size());
        }
    }
}
