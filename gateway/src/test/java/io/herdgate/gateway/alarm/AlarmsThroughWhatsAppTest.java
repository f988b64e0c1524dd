package io.herdgate.gateway.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.outbox.Outbox;
import io.herdgate.gateway.outbox.OutboxPump;
import io.herdgate.gateway.outbox.OutboxSettings;
import io.herdgate.gateway.outbox.OutboxWatcher;
import io.herdgate.gateway.phone.Delivered;
import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
import io.herdgate.gateway.routing.ContactsFile;
import io.herdgate.gateway.routing.OptOuts;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteMessageLog;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.gateway.whatsapp.TemplateCatalog;
import io.herdgate.gateway.whatsapp.WhatsAppChannel;
import io.herdgate.gateway.whatsapp.WhatsAppSettings;
import io.herdgate.gateway.whatsapp.WhatsAppWebhook;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.sim.herd.ManualClock;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alarms end to end through the real WhatsApp channel and webhook against the fake Cloud API (real HTTP
 * both ways, signed webhooks): desk → outbox → pump → WhatsApp → the farmer's phone, and taps and texts
 * back through the webhook to the desk.
 */
class AlarmsThroughWhatsAppTest {

    static final PhoneNumberId PNID = PhoneNumberId.of("106540352242922");
    static final Secret TOKEN = Secret.of("EAAtestTokenXYZ123");
    static final Secret APP_SECRET = Secret.of("app-secret-4f9a");
    static final PhoneNumber ANNA = PhoneNumber.of("+4915112345678");
    static final PhoneNumber BOB = PhoneNumber.of("+4915187654321");
    static final PhoneNumber VET = PhoneNumber.of("+4930123456789");
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    final ManualClock clock = ManualClock.of(AlarmDeskTest.DAY);
    Database db;
    FakeCloudApi fake;
    Javalin gateway;
    AlarmDesk desk;
    OutboxPump pump;
    WhatsAppChannel whatsapp;

    @BeforeEach
    void start() {
        db = Database.open(dir.resolve("gateway.db"));
        SqliteMessageLog log = SqliteMessageLog.of(db);
        fake = FakeCloudApi.start(FakeCloudApiSettings.of(PNID, TOKEN, APP_SECRET, clock));
        WhatsAppSettings settings = WhatsAppSettings.of(PNID, TOKEN, APP_SECRET, Secret.of("verify-me"), ZoneOffset.UTC)
                .withBaseUrl(fake.baseUrl()).withTimeout(Duration.ofSeconds(5));
        whatsapp = WhatsAppChannel.of(settings, TemplateCatalog.bundled(), alarm -> Optional.empty(), log, clock,
                OptOuts.of(db)::isOptedOut);
        Outbox outbox = Outbox.open(db, OutboxSettings.defaults(), clock, OutboxWatcher.none());
        pump = OutboxPump.of(outbox, List.of(whatsapp), clock, new SplittableRandom(3));
        desk = AlarmDesk.open(db, ContactsFile.parse(AlarmDeskTest.CONTACTS, "contacts.yaml"), outbox,
                pump.firstChannel(), clock);
        gateway = Javalin.create(c -> c.showJavalinBanner = false);
        WhatsAppWebhook.of(settings, log, desk, pump::onStatus).register(gateway);
        gateway.start("127.0.0.1", 0);
        fake.webhookTo(URI.create("http://127.0.0.1:" + gateway.port() + WhatsAppWebhook.PATH));
    }

    @AfterEach
    void stop() {
        whatsapp.close();
        List<String> violations = fake.violations();
        fake.close();
        gateway.stop();
        db.close();
        assertEquals(List.of(), violations, "requests the Cloud API spec does not allow");
    }

    private AlarmId raise(String cow, AlarmType type) {
        desk.onEvent(AlarmEvent.Raised.of(AlarmDeskTest.alarm(cow, type, clock.instant())));
        pump.pumpDue();
        return desk.alarms(false).stream().filter(v -> v.cow().value().equals(cow)).findFirst().orElseThrow().id();
    }

    /** Moves on minute by minute as the gateway's timers would. */
    private void run(Duration d) {
        Instant end = clock.instant().plus(d);
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMinutes(1));
            desk.tick();
            pump.pumpDue();
        }
    }

    /** The messages {@code phone} received, without the charts that follow critical alarms on their own clock. */
    private List<Delivered> alarms(PhoneNumber phone) {
        return fake.inbox(phone).stream()
                .filter(m -> !m.template().map(t -> t.startsWith("herd_alarm_chart/")).orElse(false)).toList();
    }

    @Test
    void heatAlarm_arrivesAsTheApprovedTemplateInTheContactsLanguage() {
        raise("7019", AlarmType.HEAT);
        run(Duration.ofMinutes(10));

        List<Delivered> inbox = fake.inbox(ANNA);
        assertEquals(1, inbox.size());
        assertEquals(Optional.of("herd_heat/de"), inbox.get(0).template());
        assertTrue(inbox.get(0).text().contains("7019"), inbox.get(0).text());
    }

    @Test
    void tapOnTheAcknowledgeButton_acknowledges_andNobodyElseIsTold() {
        AlarmId down = raise("17", AlarmType.NO_MOTION);
        Delivered message = fake.inbox(ANNA).get(0);
        Delivered.Button ack = message.buttons().stream().filter(b -> b.payload().startsWith("ack:")).findFirst()
                .orElseThrow(() -> new AssertionError("no acknowledge button: " + message.buttons()));

        fake.tap(ANNA, message.id(), ack.label());
        fake.awaitWebhooks(WAIT);
        run(Duration.ofHours(2));

        AlarmState s = desk.find(down).orElseThrow().state();
        assertEquals("anna", assertInstanceOf(AlarmState.ActiveAcknowledged.class, s).ack().who());
        assertEquals(List.of(), fake.inbox(BOB));
        assertEquals(List.of(), fake.inbox(VET));
    }

    @Test
    void unacknowledgedCowDown_reachesTheVetOnTime() {
        Instant raised = clock.instant();
        raise("17", AlarmType.NO_MOTION);

        run(Duration.ofMinutes(44));
        assertEquals(List.of(), fake.inbox(VET));
        run(Duration.ofMinutes(1));

        assertEquals(1, alarms(BOB).size());
        assertEquals(raised.plus(Duration.ofMinutes(15)), alarms(BOB).get(0).at());
        assertEquals(1, alarms(VET).size());
        assertEquals(raised.plus(Duration.ofMinutes(45)), alarms(VET).get(0).at());
        assertTrue(alarms(VET).get(0).template().orElseThrow().startsWith("herd_cow_down_critical/"), "no image to wait for");
    }

    @Test
    void contactWhoAnsweredStop_getsNothingMore() {
        raise("17", AlarmType.CALVING);
        assertEquals(1, fake.inbox(ANNA).size());

        fake.sendText(ANNA, "STOP");
        fake.awaitWebhooks(WAIT);
        raise("18", AlarmType.NO_MOTION);
        raise("19", AlarmType.HEAT);
        run(Duration.ofHours(3));

        assertEquals(1, fake.inbox(ANNA).size(), "nothing after STOP");
        assertTrue(fake.inbox(BOB).size() >= 2, "the escalation still reaches Bob");
    }
}
