package io.herdgate.gateway.outbox;

import static io.herdgate.gateway.outbox.Notifications.alarm;
import static io.herdgate.gateway.outbox.Notifications.anna;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.Durability;
import io.herdgate.gateway.testing.ScriptedChannel;
import io.herdgate.sim.herd.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A critical row's first send taken from the in-memory hand-off, and the database poll behind it. */
class OutboxHandoffTest {

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.of(Notifications.RAISED);
    private final CountDownLatch called = new CountDownLatch(1);
    private final ScriptedChannel whatsapp = ScriptedChannel.accepting(ChannelName.WHATSAPP, clock);
    private Database db;
    private Outbox outbox;
    private OutboxPump pump;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("h.db"));
        outbox = Outbox.open(db, OutboxSettings.defaults(), clock, OutboxWatcher.none());
        pump = OutboxPump.of(outbox, List.of(whatsapp), clock, new SplittableRandom(1));
        pump.pumpDue(); // the first pass's housekeeping, out of the way
        whatsapp.answer(n -> {
            called.countDown();
            return new DeliveryResult.Sent("wamid." + n.key().value());
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void criticalRow_isCountedAsACriticalCallWhileItsChannelIsCalled_andNoLongerAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        int[] seen = new int[1];
        whatsapp.answer(n -> {
            seen[0] = pump.criticalCalls().underWay();
            called.countDown();
            await(release);
            return new DeliveryResult.Sent("wamid." + n.key().value());
        });
        outbox.enqueue(alarm(1, anna(), 0, Priority.CRITICAL), ChannelName.WHATSAPP);

        Thread worker = new Thread(pump::pumpDue);
        worker.start();
        assertTrue(called.await(10, TimeUnit.SECONDS));
        assertEquals(1, seen[0], "under way during the call");
        release.countDown();
        worker.join(10_000);
        assertEquals(0, pump.criticalCalls().underWay(), "settled");
        assertFalse(pump.criticalCalls().stepAside(), "nothing to step aside for");
    }

    @Test
    void nonCriticalRow_isNoCriticalCall() {
        int[] seen = {-1};
        whatsapp.answer(n -> {
            seen[0] = pump.criticalCalls().underWay();
            return new DeliveryResult.Sent("wamid." + n.key().value());
        });
        outbox.enqueue(alarm(1, anna(), 0, Priority.HIGH), ChannelName.WHATSAPP);

        pump.pumpDue();
        assertEquals(0, seen[0]);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void criticalRow_isCalledWhileAnotherTransactionHoldsTheDatabase_andMarkedSentAfter() throws Exception {
        Notification n = alarm(1, anna(), 0, Priority.CRITICAL);
        outbox.enqueue(n, ChannelName.WHATSAPP);

        try (Held held = Held.on(db)) {
            Thread worker = new Thread(pump::pumpDue);
            worker.start();
            assertTrue(called.await(10, TimeUnit.SECONDS), "the channel is called without waiting for the database");
            assertEquals(OutboxState.PENDING, held.stateSeenLater(), "no in-flight mark was asked for");
            held.close();
            worker.join(10_000);
            assertFalse(worker.isAlive());
        }
        OutboxEntry row = outbox.find(n.key()).orElseThrow();
        assertEquals(OutboxState.SENT, row.state());
        assertEquals(1, row.attempts(), "the attempt is counted with the sent mark");
        assertEquals(0, outbox.handoff().size());
    }

    @Test
    void nonCriticalRow_isNotHandedOff_andWaitsForTheDatabasePoll() throws Exception {
        outbox.enqueue(alarm(1, anna(), 0, Priority.NORMAL), ChannelName.WHATSAPP);
        assertEquals(0, outbox.handoff().size());

        Thread worker;
        try (Held held = Held.on(db)) {
            worker = new Thread(pump::pumpDue);
            worker.start();
            // Cannot be called before the poll's read, which waits for the held transaction.
            assertFalse(called.await(300, TimeUnit.MILLISECONDS));
        }
        assertTrue(called.await(10, TimeUnit.SECONDS), "sent once the database is free");
        worker.join(10_000);
    }

    @Test
    void fullHandoff_leavesTheRestToThePoll_andEveryRowGoesOutOnce() {
        int n = Handoff.CAPACITY + 6;
        for (int i = 0; i < n; i++) {
            outbox.enqueue(alarm(100 + i, recipient(i), 0, Priority.CRITICAL), ChannelName.WHATSAPP);
        }
        assertEquals(Handoff.CAPACITY, outbox.handoff().size());

        pump.pumpDue();

        List<Notification> sent = whatsapp.sent();
        assertEquals(n, sent.size());
        assertEquals(n, new HashSet<>(sent).size(), "none twice");
        assertEquals(0, outbox.handoff().size());
        assertTrue(outbox.unsent().isEmpty());
        sent.forEach(s -> assertEquals(1, outbox.find(s.key()).orElseThrow().attempts(), s.key().value()));
    }

    @Test
    void rowCancelledBeforeAWorkerTookIt_isNotSent() {
        outbox.enqueue(alarm(7, anna(), 0, Priority.CRITICAL), ChannelName.WHATSAPP);

        assertEquals(1, outbox.cancelAlarm(AlarmId.of(7)));
        assertEquals(0, outbox.handoff().size());
        pump.pumpDue();

        assertTrue(whatsapp.calls().isEmpty());
    }

    @Test
    void handedOffRowThatFails_isRetriedByThePoll_withItsAttemptCounted() {
        whatsapp.answer(n -> new DeliveryResult.RetryLater(Duration.ofSeconds(30), "131000", "something went wrong"));
        Notification n = alarm(3, anna(), 0, Priority.CRITICAL);
        outbox.enqueue(n, ChannelName.WHATSAPP);

        pump.pumpDue();
        OutboxEntry row = outbox.find(n.key()).orElseThrow();
        assertEquals(OutboxState.PENDING, row.state());
        assertEquals(1, row.attempts());
        assertTrue(row.dueAt().isAfter(clock.instant()));

        whatsapp.accept();
        clock.advance(Duration.ofMinutes(1));
        pump.pumpDue();
        assertEquals(OutboxState.SENT, outbox.find(n.key()).orElseThrow().state());
        assertEquals(2, outbox.find(n.key()).orElseThrow().attempts());
        assertEquals(2, whatsapp.calls().size());
    }

    private static Recipient recipient(int i) {
        return Recipient.of(ContactId.of("c" + i), "Contact " + i, PhoneNumber.of("+49151" + (10_000_000 + i)), Locale.ENGLISH);
    }

    /** A transaction held open on another thread until closed; it reads the outbox's state when let go. */
    private static final class Held implements AutoCloseable {
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch letGo = new CountDownLatch(1);
        private final Thread thread;
        private volatile OutboxState state;

        private Held(Database db) {
            thread = new Thread(() -> db.write(Durability.FULL, c -> {
                holding.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try (var s = c.prepareStatement("SELECT state FROM outbox ORDER BY id LIMIT 1"); var rs = s.executeQuery()) {
                    state = rs.next() ? OutboxState.fromColumn(rs.getString(1)) : null;
                }
                return null;
            }));
        }

        static Held on(Database db) throws InterruptedException {
            Held h = new Held(db);
            h.thread.start();
            assertTrue(h.holding.await(10, TimeUnit.SECONDS));
            return h;
        }

        /** Lets the transaction go and returns the state it read then. */
        OutboxState stateSeenLater() throws InterruptedException {
            letGo.countDown();
            thread.join(10_000);
            return state;
        }

        @Override
        public void close() throws InterruptedException {
            letGo.countDown();
            thread.join(10_000);
        }
    }
}
