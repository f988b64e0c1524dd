package io.herdgate.gateway.outbox;

import static io.herdgate.gateway.outbox.Notifications.alarm;
import static io.herdgate.gateway.outbox.Notifications.anna;
import static io.herdgate.gateway.outbox.Notifications.bob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.Channel;
import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.store.Database;
import io.herdgate.sim.herd.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class OutboxDeliveryTest {

    @TempDir
    Path dir;

    /** Time stands still: nothing becomes due by the clock, only by being queued. */
    private final ManualClock clock = ManualClock.of(Notifications.RAISED);
    private Database db;
    private Outbox outbox;
    private OutboxDelivery delivery;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("h.db"));
    }

    @AfterEach
    void close() throws InterruptedException {
        if (delivery != null) {
            delivery.close();
        }
        db.close();
    }

    /** An outbox whose queued rows wake one delivery worker that idles for a minute otherwise. */
    private OutboxPump start(Channel... channels) {
        return start(OutboxSettings.defaults(), 1, channels);
    }

    /** As {@link #start(Channel...)} with {@code workers} delivery workers. */
    private OutboxPump start(OutboxSettings settings, int workers, Channel... channels) {
        OutboxWatcher wake = new OutboxWatcher() {
            @Override
            public void onQueued() {
                if (delivery != null) {
                    delivery.wake();
                }
            }

            @Override
            public void onFull(int capacity) {
            }

            @Override
            public void onDrained(int pending) {
            }
        };
        outbox = Outbox.open(db, settings, clock, wake);
        OutboxPump pump = OutboxPump.of(outbox, List.of(channels), clock, new SplittableRandom(1));
        delivery = OutboxDelivery.start(pump, Duration.ofMinutes(1), workers);
        return pump;
    }

    @Test
    void queuedNotification_isSentAtOnce_withoutWaitingForTheIdlePass() throws Exception {
        GatedChannel whatsapp = new GatedChannel(ChannelName.WHATSAPP);
        whatsapp.open();
        start(whatsapp);

        outbox.enqueue(alarm(1, anna(), 0, Priority.CRITICAL), ChannelName.WHATSAPP);

        assertTrue(whatsapp.awaitCalls(1, Duration.ofSeconds(10)), "sent within seconds, not after the minute's idle pass");
    }

    @Test
    void criticalQueuedDuringASlowCall_isTheNextSent_beforeTheWarningsWaitingBehindIt() throws Exception {
        GatedChannel whatsapp = new GatedChannel(ChannelName.WHATSAPP);
        start(whatsapp);
        for (int i = 1; i <= 5; i++) {
            outbox.enqueue(alarm(i, recipient(i), 0, Priority.NORMAL), ChannelName.WHATSAPP);
        }
        assertTrue(whatsapp.awaitCalls(1, Duration.ofSeconds(10)), "the first warning is being sent");

        outbox.enqueue(alarm(99, recipient(99), 0, Priority.CRITICAL), ChannelName.WHATSAPP); // the provider is still busy
        whatsapp.open();

        assertTrue(whatsapp.awaitCalls(6, Duration.ofSeconds(10)));
        List<Long> order = whatsapp.calls().stream().map(n -> ((Content.AlarmMessage) n.content())
                .alarm().value()).toList();
        assertEquals(List.of(1L, 99L, 2L, 3L, 4L, 5L), order);
    }

    @Test
    void fourWorkers_callThreeRecipientsAtOnce_whileTheProviderIsSlow() throws Exception {
        GatedChannel whatsapp = new GatedChannel(ChannelName.WHATSAPP);
        start(OutboxSettings.defaults(), 4, whatsapp);
        for (int i = 1; i <= 3; i++) {
            outbox.enqueue(alarm(i, recipient(i), 0, Priority.CRITICAL), ChannelName.WHATSAPP);
        }

        assertTrue(whatsapp.awaitCalls(3, Duration.ofSeconds(10)), "three calls under way before the first answers");
        whatsapp.open();
        assertTrue(delivery.awaitPass(Duration.ofSeconds(10)));
        assertEquals(3, outbox.counts().get(OutboxState.SENT));
    }

    @Test
    void fourWorkers_callOneRecipientOneAtATime_inTheOrderQueued() throws Exception {
        OneAtATime whatsapp = new OneAtATime();
        start(OutboxSettings.defaults().withPairInterval(Duration.ZERO), 4, whatsapp);
        for (int i = 1; i <= 12; i++) {
            outbox.enqueue(alarm(i, i % 3 == 0 ? bob() : anna(), 0, Priority.CRITICAL), ChannelName.WHATSAPP);
        }
        assertTrue(whatsapp.awaitCalls(12, Duration.ofSeconds(20)));
        assertTrue(delivery.awaitPass(Duration.ofSeconds(10)));

        assertEquals(1, whatsapp.mostAtOnce(anna().phone()), "Anna is called by one worker at a time");
        assertEquals(1, whatsapp.mostAtOnce(bob().phone()));
        assertEquals(List.of(1L, 2L, 4L, 5L, 7L, 8L, 10L, 11L), whatsapp.alarmsTo(anna().phone()), "in the order queued");
        assertEquals(List.of(3L, 6L, 9L, 12L), whatsapp.alarmsTo(bob().phone()));
    }

    @Test
    void fourWorkers_keepThePairRate_aSecondMessageToOneNumberWaitsForTheClock() throws Exception {
        GatedChannel whatsapp = new GatedChannel(ChannelName.WHATSAPP);
        whatsapp.open();
        start(OutboxSettings.defaults(), 4, whatsapp); // 6 s per recipient; the clock stands still
        for (int i = 1; i <= 3; i++) {
            outbox.enqueue(alarm(i, anna(), 0, Priority.CRITICAL), ChannelName.WHATSAPP);
        }
        assertTrue(delivery.awaitPass(Duration.ofSeconds(10)));
        assertEquals(1, whatsapp.callCount(), "one message to Anna within her 6 s");

        clock.advance(Duration.ofSeconds(6));
        assertTrue(delivery.awaitPass(Duration.ofSeconds(10)));
        assertEquals(2, whatsapp.callCount(), "the next one 6 s later, not two at once");
    }

    @Test
    void twoWorkersBusy_theFirstToFinish_takesTheCriticalBeforeOlderWarnings() throws Exception {
        GatedChannel whatsapp = new GatedChannel(ChannelName.WHATSAPP);
        start(OutboxSettings.defaults(), 2, whatsapp);
        for (int i = 1; i <= 4; i++) {
            outbox.enqueue(alarm(i, recipient(i), 0, Priority.NORMAL), ChannelName.WHATSAPP);
        }
        assertTrue(whatsapp.awaitCalls(2, Duration.ofSeconds(10)), "both workers are calling");
        outbox.enqueue(alarm(99, recipient(99), 0, Priority.CRITICAL), ChannelName.WHATSAPP);

        whatsapp.release(1); // one call answers; its worker takes the most urgent row next
        assertTrue(whatsapp.awaitCalls(3, Duration.ofSeconds(10)));
        assertEquals(99L, ((Content.AlarmMessage) whatsapp.calls().get(2).content()).alarm().value());
        whatsapp.open();
        // One worker reads the due rows at a time: a pass that finds the reader busy ends at once, and the rows
        // left go out in the reader's next read or the next pass, so wait for them pass by pass.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (outbox.counts().getOrDefault(OutboxState.SENT, 0) < 5 && System.nanoTime() < deadline) {
            assertTrue(delivery.awaitPass(Duration.ofSeconds(10)));
        }
        assertEquals(5, outbox.counts().get(OutboxState.SENT));
    }

    @Test
    void concurrentQueueing_passesAndStatuses_sendEveryNotificationExactlyOnce() throws Exception {
        GatedChannel whatsapp = new GatedChannel(ChannelName.WHATSAPP);
        whatsapp.open();
        OutboxPump pump = start(whatsapp);
        int producers = 4;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(producers + 2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int base = p * each;
                work.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        long id = base + i + 1;
                        outbox.enqueue(alarm(id, recipient(id), 0, id % 7 == 0 ? Priority.CRITICAL : Priority.NORMAL),
                                ChannelName.WHATSAPP);
                    }
                    return null;
                }));
            }
            // a second caller of pumpDue (as a scheduler job would be) and statuses from a webhook thread
            work.add(pool.submit(() -> {
                go.await();
                while (whatsapp.callCount() < producers * each) {
                    pump.pumpDue();
                }
                return null;
            }));
            work.add(pool.submit(() -> {
                go.await();
                while (whatsapp.callCount() < producers * each) {
                    for (String id : whatsapp.providerIds()) {
                        pump.onStatus(DeliveryStatus.of(id, DeliveryStatus.State.DELIVERED, clock.instant(), ""));
                    }
                }
                return null;
            }));
            go.countDown();
            for (Future<?> f : work) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(delivery.awaitPass(Duration.ofSeconds(10)));

        Map<NotificationKey, Integer> times = new HashMap<>();
        whatsapp.calls().forEach(n -> times.merge(n.key(), 1, Integer::sum));
        assertEquals(producers * each, times.size(), "every notification sent");
        assertEquals(List.of(), times.entrySet().stream().filter(e -> e.getValue() > 1).toList(), "none sent twice");
        assertEquals(producers * each, outbox.counts().get(OutboxState.SENT));
    }

    @Test
    void statusArrivingBeforeTheSendIsRecorded_isKeptAndApplied() throws Exception {
        GatedChannel whatsapp = new GatedChannel(ChannelName.WHATSAPP);
        OutboxPump pump = start(whatsapp);
        outbox.enqueue(alarm(1, anna(), 0, Priority.CRITICAL), ChannelName.WHATSAPP);
        assertTrue(whatsapp.awaitCalls(1, Duration.ofSeconds(10)));

        // the provider's webhook is faster than our commit of the send
        pump.onStatus(DeliveryStatus.of("WHATSAPP-1", DeliveryStatus.State.DELIVERED, clock.instant(), ""));
        whatsapp.open();
        assertTrue(delivery.awaitPass(Duration.ofSeconds(10)));

        OutboxEntry row = outbox.find(alarm(1, anna(), 0, Priority.CRITICAL).key()).orElseThrow();
        assertEquals(OutboxState.SENT, row.state());
        assertEquals("delivered", row.delivery().orElseThrow());
    }

    @Test
    void failedStatusToldTwice_movesTheRowToSmsOnce() throws Exception {
        GatedChannel whatsapp = new GatedChannel(ChannelName.WHATSAPP);
        GatedChannel sms = new GatedChannel(ChannelName.SMS);
        whatsapp.open();
        sms.open();
        OutboxPump pump = start(whatsapp, sms);
        outbox.enqueue(alarm(1, anna(), 0, Priority.CRITICAL), ChannelName.WHATSAPP);
        assertTrue(whatsapp.awaitCalls(1, Duration.ofSeconds(10)));
        assertTrue(delivery.awaitPass(Duration.ofSeconds(10)));

        DeliveryStatus failed = DeliveryStatus.of("WHATSAPP-1", DeliveryStatus.State.FAILED, clock.instant(), "131026 undeliverable");
        Thread other = new Thread(() -> pump.onStatus(failed));
        other.start();
        pump.onStatus(failed);
        other.join();
        delivery.wake();
        assertTrue(delivery.awaitPass(Duration.ofSeconds(10)));

        assertEquals(1, sms.callCount(), "one SMS for one failed WhatsApp message");
    }

    private static Recipient recipient(long i) {
        return Recipient.of(ContactId.of("c" + i), "Contact " + i, PhoneNumber.of("+49151" + (10_000_000 + i)), Locale.ENGLISH);
    }

    /** A channel whose calls block until {@link #open()} (a provider that is slow to answer), then accept. */
    private static final class GatedChannel implements Channel {
        private final ChannelName name;
        private final Semaphore gate = new Semaphore(0);
        private final List<Notification> calls = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong ids = new AtomicLong();
        private volatile boolean open;

        GatedChannel(ChannelName name) {
            this.name = name;
        }

        void open() {
            open = true;
            gate.release(Integer.MAX_VALUE / 2);
        }

        /** Lets {@code n} calls waiting (or to come) answer. */
        void release(int n) {
            gate.release(n);
        }

        @Override
        public ChannelName name() {
            return name;
        }

        @Override
        public DeliveryResult deliver(Notification n) {
            calls.add(n);
            if (!open) {
                gate.acquireUninterruptibly();
            }
            return new DeliveryResult.Sent(name + "-" + ids.incrementAndGet());
        }

        int callCount() {
            return calls.size();
        }

        List<Notification> calls() {
            synchronized (calls) {
                return List.copyOf(calls);
            }
        }

        List<String> providerIds() {
            List<String> out = new ArrayList<>();
            for (long i = 1; i <= ids.get(); i++) {
                out.add(name + "-" + i);
            }
            return out;
        }

        boolean awaitCalls(int n, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (calls.size() < n) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(5);
            }
            return true;
        }
    }

    /** A channel that takes 20 ms per call and records how many calls to each number overlapped. */
    private static final class OneAtATime implements Channel {
        private final Map<PhoneNumber, Integer> now = new HashMap<>();
        private final Map<PhoneNumber, Integer> most = new HashMap<>();
        private final Map<PhoneNumber, List<Long>> alarms = new HashMap<>();
        private int calls;

        @Override
        public ChannelName name() {
            return ChannelName.WHATSAPP;
        }

        @Override
        public DeliveryResult deliver(Notification n) {
            PhoneNumber to = n.to().phone();
            synchronized (this) {
                int k = now.merge(to, 1, Integer::sum);
                most.merge(to, k, Math::max);
                alarms.computeIfAbsent(to, p -> new ArrayList<>()).add(((Content.AlarmMessage) n.content()).alarm().value());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                now.merge(to, -1, Integer::sum);
                calls++;
                return new DeliveryResult.Sent("WHATSAPP-" + calls);
            }
        }

        synchronized int mostAtOnce(PhoneNumber to) {
            return most.getOrDefault(to, 0);
        }

        synchronized List<Long> alarmsTo(PhoneNumber to) {
            return List.copyOf(alarms.getOrDefault(to, List.of()));
        }

        boolean awaitCalls(int n, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                synchronized (this) {
                    if (calls >= n) {
                        return true;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(5);
            }
        }
    }
}
