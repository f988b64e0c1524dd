package io.herdgate.gateway.outbox;

import static io.herdgate.gateway.outbox.Notifications.alarm;
import static io.herdgate.gateway.outbox.Notifications.anna;
import static io.herdgate.gateway.outbox.Notifications.bob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.testing.ScriptedChannel;
import io.herdgate.sim.herd.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxPumpTest {

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.of(Notifications.RAISED);
    private final ScriptedChannel whatsapp = ScriptedChannel.accepting(ChannelName.WHATSAPP, clock);
    private final ScriptedChannel sms = ScriptedChannel.accepting(ChannelName.SMS, clock);
    private Database db;
    private Outbox outbox;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("h.db"));
        outbox = Outbox.open(db, OutboxSettings.defaults(), clock, OutboxWatcher.none());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private OutboxPump pump(ScriptedChannel... channels) {
        return OutboxPump.of(outbox, List.of(channels), clock, new SplittableRandom(1));
    }

    private void enqueue(Notification n) {
        outbox.enqueue(n, ChannelName.WHATSAPP);
    }

    /** Pumps once a second for {@code d}. */
    private void run(OutboxPump p, Duration d) {
        Instant end = clock.instant().plus(d);
        while (clock.instant().isBefore(end)) {
            p.pumpDue();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void pump_sendsTheMostUrgentFirst_thenOlderBeforeNewer() {
        enqueue(alarm(1, anna(), 0, Priority.LOW));
        enqueue(alarm(2, bob(), 0, Priority.NORMAL));
        enqueue(alarm(3, anna(), 0, Priority.CRITICAL));
        enqueue(alarm(4, bob(), 0, Priority.CRITICAL));

        run(pump(whatsapp), Duration.ofSeconds(30));

        assertEquals(List.of(alarm(3, anna(), 0, Priority.CRITICAL), alarm(4, bob(), 0, Priority.CRITICAL),
                alarm(2, bob(), 0, Priority.NORMAL), alarm(1, anna(), 0, Priority.LOW)), whatsapp.sent());
        assertEquals(4, outbox.counts().get(OutboxState.SENT));
    }

    @Test
    void pairRateWaitsForTwoRecipients_holdOnlyThem_neitherCloseTheChannelNorBackOff() {
        int[] calls = {0};
        whatsapp.answer(n -> ++calls[0] <= 2 ? new DeliveryResult.RetryLater(Duration.ofSeconds(6), OutboxPump.PAIR_RATE,
                "held back by the gateway's pair rate limit") : new DeliveryResult.Sent("wamid." + n.key()));
        enqueue(alarm(1, anna(), 0, Priority.CRITICAL));
        enqueue(alarm(2, bob(), 0, Priority.CRITICAL));
        OutboxPump p = pump(whatsapp);
        p.pumpDue();
        clock.advance(Duration.ofSeconds(6));

        assertEquals(2, p.pumpDue(), "both go out as soon as their recipients' 6 s are over");
        assertEquals(2, outbox.counts().get(OutboxState.SENT));
    }

    @Test
    void retryLaterForAWhile_thenEverythingIsDeliveredOnce_criticalFirst_withinThePairRate() {
        Instant outageEnds = clock.instant().plus(Duration.ofMinutes(5));
        Map<PhoneNumber, Instant> lastAccepted = new HashMap<>();
        // A provider with a 6 s pair-rate limit that answers 503 for the first five minutes.
        whatsapp.answer(n -> {
            Instant now = clock.instant();
            if (now.isBefore(outageEnds)) {
                return new DeliveryResult.RetryLater(Duration.ZERO, "503", "service unavailable");
            }
            Instant last = lastAccepted.get(n.to().phone());
            if (last != null && now.isBefore(last.plusSeconds(6))) {
                return new DeliveryResult.RetryLater(Duration.ofSeconds(6), "131056", "pair rate limit hit");
            }
            lastAccepted.put(n.to().phone(), now);
            return new DeliveryResult.Sent("wamid." + n.key());
        });
        List<Notification> normal = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            normal.add(alarm(i, i % 2 == 0 ? anna() : bob(), 0, Priority.NORMAL));
            enqueue(normal.get(normal.size() - 1));
        }
        clock.advance(Duration.ofSeconds(1));
        List<Notification> critical = List.of(alarm(20, anna(), 0, Priority.CRITICAL), alarm(21, bob(), 0, Priority.CRITICAL),
                alarm(22, anna(), 0, Priority.CRITICAL));
        critical.forEach(this::enqueue);
        OutboxPump p = pump(whatsapp);

        run(p, Duration.ofMinutes(5));
        int callsDuringOutage = whatsapp.calls().size();
        run(p, Duration.ofMinutes(20));

        List<Notification> sent = whatsapp.sent();
        assertEquals(9, sent.size(), "every notification delivered");
        assertEquals(9, new HashSet<>(sent).size(), "none twice");
        assertEquals(new HashSet<>(critical), new HashSet<>(sent.subList(0, 3)), "critical first: " + sent);
        assertTrue(callsDuringOutage <= 20, "the channel is paused with backoff, not hammered: " + callsDuringOutage);
        long pairRateHits = whatsapp.calls().stream().filter(c -> c.result() instanceof DeliveryResult.RetryLater r
                && r.code().equals("131056")).count();
        assertEquals(0, pairRateHits, "the pump keeps to the pair rate by itself");
        Instant lastSent = whatsapp.calls().stream().filter(c -> c.result() instanceof DeliveryResult.Sent)
                .map(ScriptedChannel.Call::at).max(Instant::compareTo).orElseThrow();
        assertTrue(lastSent.isBefore(outageEnds.plus(Duration.ofMinutes(7))), "drained soon after: " + lastSent);
    }

    @Test
    void whatsAppRetryingLongerThanFallbackAfter_goesBySms() {
        whatsapp.answer(n -> new DeliveryResult.RetryLater(Duration.ofSeconds(30), "503", "unavailable"));
        enqueue(alarm(1, anna(), 0, Priority.NORMAL));
        enqueue(alarm(2, bob(), 0, Priority.CRITICAL));
        OutboxPump p = pump(whatsapp, sms);

        run(p, Duration.ofSeconds(119));
        assertEquals(List.of(), sms.sent());
        run(p, Duration.ofSeconds(3));
        assertEquals(List.of(alarm(2, bob(), 0, Priority.CRITICAL)), sms.sent(), "critical after 2 min");
        run(p, Duration.ofMinutes(8));
        assertEquals(List.of(alarm(2, bob(), 0, Priority.CRITICAL), alarm(1, anna(), 0, Priority.NORMAL)), sms.sent());
        assertEquals(ChannelName.SMS, outbox.find(alarm(1, anna(), 0, Priority.NORMAL).key()).orElseThrow().channel());
    }

    @Test
    void undeliverableOnWhatsApp_goesBySmsAtOnce_andFailsWhenSmsCannotEither() {
        whatsapp.answer(n -> new DeliveryResult.Undeliverable("131026", "message undeliverable"));
        sms.answer(n -> n.to().equals(bob()) ? new DeliveryResult.Undeliverable("21614", "not a mobile number")
                : new DeliveryResult.Sent("sms-1"));
        enqueue(alarm(1, anna(), 0, Priority.NORMAL));
        enqueue(alarm(2, bob(), 0, Priority.NORMAL));

        pump(whatsapp, sms).pumpDue();

        assertEquals(List.of(alarm(1, anna(), 0, Priority.NORMAL)), sms.sent());
        OutboxEntry failed = outbox.find(alarm(2, bob(), 0, Priority.NORMAL).key()).orElseThrow();
        assertEquals(OutboxState.FAILED, failed.state());
        assertEquals("SMS 21614: not a mobile number", failed.lastError().orElseThrow());
    }

    @Test
    void channelDown_sendsEverythingBySms_andIsTriedAgainAfterTheRecheckTime() {
        whatsapp.answer(n -> new DeliveryResult.ChannelDown("190", "access token expired"));
        enqueue(alarm(1, anna(), 0, Priority.NORMAL));
        enqueue(alarm(2, bob(), 0, Priority.NORMAL));
        OutboxPump p = pump(whatsapp, sms);

        run(p, Duration.ofSeconds(5));
        assertEquals(1, whatsapp.calls().size(), "asked once, then left alone");
        assertEquals(2, sms.sent().size());
        assertTrue(p.isDown(ChannelName.WHATSAPP));

        whatsapp.accept();
        run(p, Duration.ofMinutes(15));
        enqueue(alarm(3, anna(), 0, Priority.NORMAL));
        run(p, Duration.ofSeconds(2));
        assertEquals(List.of(alarm(3, anna(), 0, Priority.NORMAL)), whatsapp.sent());
    }

    @Test
    void clockSteppedADayForwardDuringAnOutage_expiresNothing_andEverythingGoesOutOnceTheApiIsBack() {
        whatsapp.answer(n -> new DeliveryResult.RetryLater(Duration.ofSeconds(30), "503", "unavailable"));
        enqueue(alarm(1, anna(), 0, Priority.NORMAL));
        enqueue(alarm(2, bob(), 0, Priority.CRITICAL));
        OutboxPump p = pump(whatsapp);
        run(p, Duration.ofMinutes(30));

        clock.advance(Duration.ofDays(1));
        p.clockStepped(Duration.ofDays(1));
        run(p, Duration.ofMinutes(5));
        assertEquals(2, outbox.counts().getOrDefault(OutboxState.PENDING, 0), outbox.counts().toString());

        whatsapp.accept();
        run(p, Duration.ofMinutes(15));
        assertEquals(List.of(alarm(2, bob(), 0, Priority.CRITICAL), alarm(1, anna(), 0, Priority.NORMAL)), whatsapp.sent());
    }

    @Test
    void clockSteppedADayBackWhileTheChannelIsDown_doesNotKeepItDownForADay() {
        whatsapp.answer(n -> new DeliveryResult.ChannelDown("190", "access token expired"));
        enqueue(alarm(1, anna(), 0, Priority.NORMAL));
        OutboxPump p = pump(whatsapp);
        run(p, Duration.ofSeconds(5));
        assertTrue(p.isDown(ChannelName.WHATSAPP));

        clock.advance(Duration.ofDays(-1));
        p.clockStepped(Duration.ofDays(-1));
        whatsapp.accept();
        run(p, Duration.ofMinutes(16));

        assertEquals(List.of(alarm(1, anna(), 0, Priority.NORMAL)), whatsapp.sent());
    }

    @Test
    void failedDeliveryStatusAfterSending_resendsBySms() {
        enqueue(alarm(1, anna(), 0, Priority.HIGH));
        OutboxPump p = pump(whatsapp, sms);
        p.pumpDue();
        String providerId = outbox.find(alarm(1, anna(), 0, Priority.HIGH).key()).orElseThrow().providerId().orElseThrow();

        p.onStatus(DeliveryStatus.of(providerId, DeliveryStatus.State.DELIVERED, clock.instant(), ""));
        p.onStatus(DeliveryStatus.of(providerId, DeliveryStatus.State.SENT, clock.instant(), "late and out of order"));
        assertEquals("delivered", outbox.find(alarm(1, anna(), 0, Priority.HIGH).key()).orElseThrow().delivery().orElseThrow());
        p.onStatus(DeliveryStatus.of(providerId, DeliveryStatus.State.FAILED, clock.instant(), "131049 ecosystem limit"));
        p.pumpDue();

        assertEquals(List.of(alarm(1, anna(), 0, Priority.HIGH)), sms.sent());
    }

    @Test
    void cancelledRow_isNotSent() {
        enqueue(alarm(1, anna(), 0, Priority.NORMAL));
        outbox.cancelTo(anna().phone());

        assertEquals(0, pump(whatsapp).pumpDue());
        assertEquals(List.of(), whatsapp.calls());
    }
}
