package io.herdgate.gateway.whatsapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.chart.Png;
import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.notify.Reply;
import io.herdgate.gateway.phone.Delivered;
import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
import io.herdgate.gateway.phone.Fault;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteMessageLog;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.ManualClock;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The channel against the fake Cloud API, both on real HTTP servers, webhooks flowing back. */
class WhatsAppChannelTest {

    static final PhoneNumberId PNID = PhoneNumberId.of("106540352242922");
    static final Secret TOKEN = Secret.of("EAAtestTokenXYZ123");
    static final Secret APP_SECRET = Secret.of("app-secret-4f9a");
    static final Secret VERIFY = Secret.of("verify-me");
    static final PhoneNumber ANNA = PhoneNumber.of("+4915112345678");
    static final Duration WAIT = Duration.ofSeconds(10);
    static final byte[] CHART = NoChartImage.png();

    private final ManualClock clock = ManualClock.of(Instant.parse("2026-11-21T06:00:00Z"));
    private final List<Reply> replies = new CopyOnWriteArrayList<>();
    private final List<DeliveryStatus> statuses = new CopyOnWriteArrayList<>();
    private Database db;
    private SqliteMessageLog log;
    private FakeCloudApi fake;
    private Javalin gateway;
    private WhatsAppSettings settings;

    @BeforeEach
    void start(@TempDir Path dir) {
        db = Database.open(dir.resolve("gateway.db"));
        log = SqliteMessageLog.of(db);
        fake = FakeCloudApi.start(FakeCloudApiSettings.of(PNID, TOKEN, APP_SECRET, clock).withStall(Duration.ofSeconds(4)));
        settings = WhatsAppSettings.of(PNID, TOKEN, APP_SECRET, VERIFY, ZoneOffset.UTC)
                .withBaseUrl(fake.baseUrl()).withTimeout(Duration.ofSeconds(2));
        gateway = Javalin.create(c -> c.showJavalinBanner = false);
        WhatsAppWebhook.of(settings, log, replies::add, statuses::add).register(gateway);
        gateway.start("127.0.0.1", 0);
        fake.webhookTo(URI.create("http://127.0.0.1:" + gateway.port() + WhatsAppWebhook.PATH));
    }

    @AfterEach
    void stop() {
        List<String> violations = fake.violations();
        fake.close();
        gateway.stop();
        db.close();
        assertEquals(List.of(), violations, "requests the spec does not allow");
    }

    private WhatsAppChannel channel() {
        return channel(settings, TemplateCatalog.bundled());
    }

    private WhatsAppChannel channel(WhatsAppSettings s, TemplateCatalog templates) {
        return WhatsAppChannel.of(s, templates, alarm -> Optional.of(Png.of(CHART, 800, 418)), log, clock);
    }

    static Notification heat(long alarm, PhoneNumber to, String language) {
        Content.AlarmMessage m = new Content.AlarmMessage(AlarmId.of(alarm), AlarmType.HEAT, Severity.values()[0],
                List.of(CowId.of("7019")), Instant.parse("2026-11-21T05:40:00Z"), 0, Map.of("activity_pct", "212"));
        Recipient r = Recipient.of(ContactId.of("anna"), "Anna", to, Locale.forLanguageTag(language));
        return Notification.of(NotificationKey.forAlarm(AlarmId.of(alarm), r.contact(), 0), r, Priority.HIGH, m);
    }

    private Delivered last(PhoneNumber phone) {
        List<Delivered> inbox = fake.inbox(phone);
        return inbox.get(inbox.size() - 1);
    }

    @Test
    void deliver_heatOutsideWindow_sendsTemplateInRecipientsLanguageWithChartAndButtons() {
        DeliveryResult r = channel().deliver(heat(42, ANNA, "de"));

        DeliveryResult.Sent sent = assertInstanceOf(DeliveryResult.Sent.class, r);
        Delivered d = last(ANNA);
        assertEquals(sent.providerId(), d.id());
        assertEquals(Optional.of("herd_heat/de"), d.template());
        assertEquals("Brunst erkannt bei Kuh 7019: Aktivität bei 212 % ihres üblichen Niveaus seit 21.11.26, 05:40. "
                + "Der beste Besamungszeitpunkt liegt in den nächsten 12 Stunden.", d.text());
        assertArrayEquals(CHART, d.image().orElseThrow());
        assertEquals(List.of(new Delivered.Button("Erledige ich", "ack:42"), new Delivered.Button("2 Std. später", "snooze:42"),
                new Delivered.Button("Tierarzt rufen", "vet:42")), d.buttons());
    }

    @Test
    void deliver_statusesComeBackThroughTheSignedWebhook() {
        String id = ((DeliveryResult.Sent) channel().deliver(heat(42, ANNA, "en"))).providerId();
        fake.awaitWebhooks(WAIT);
        fake.read(ANNA);
        fake.awaitWebhooks(WAIT);

        assertEquals(DeliveryStatus.State.READ, log.status(MessageId.of(id)).orElseThrow().state());
        assertEquals(List.of(DeliveryStatus.State.SENT, DeliveryStatus.State.DELIVERED, DeliveryStatus.State.READ),
                statuses.stream().map(DeliveryStatus::state).toList());
    }

    @Test
    void deliver_shuffledDuplicatedStatuses_endDeliveredAndEachChangeIsReportedOnce(@TempDir Path dir) {
        fake.close();
        fake = FakeCloudApi.start(FakeCloudApiSettings.of(PNID, TOKEN, APP_SECRET, clock)
                .withStatusOrder(FakeCloudApiSettings.StatusOrder.SHUFFLED_WITH_DUPLICATES, 7));
        fake.webhookTo(URI.create("http://127.0.0.1:" + gateway.port() + WhatsAppWebhook.PATH));
        WhatsAppChannel c = channel(settings.withBaseUrl(fake.baseUrl()), TemplateCatalog.bundled());
        String id = ((DeliveryResult.Sent) c.deliver(heat(42, ANNA, "en"))).providerId();
        fake.awaitWebhooks(WAIT);

        assertEquals(DeliveryStatus.State.DELIVERED, log.status(MessageId.of(id)).orElseThrow().state());
        assertTrue(statuses.size() <= 2 && statuses.get(statuses.size() - 1).state() == DeliveryStatus.State.DELIVERED,
                statuses.toString());
    }

    @Test
    void tap_templateQuickReply_becomesAcknowledgeOfThatAlarm() {
        String id = ((DeliveryResult.Sent) channel().deliver(heat(42, ANNA, "pt-BR"))).providerId();

        fake.tap(ANNA, id, "Estou cuidando");
        fake.awaitWebhooks(WAIT);

        assertEquals(List.of(new Reply.Acknowledge(ANNA, clock.instant(), AlarmId.of(42))), replies);
    }

    @Test
    void deliver_insideWindow_sendsInteractiveWhoseButtonsWork() {
        fake.sendText(ANNA, "hello");
        fake.awaitWebhooks(WAIT);

        String id = ((DeliveryResult.Sent) channel().deliver(heat(43, ANNA, "en"))).providerId();
        Delivered d = last(ANNA);
        assertEquals("interactive", d.kind());
        assertArrayEquals(CHART, d.image().orElseThrow());
        fake.tap(ANNA, id, "Snooze 2 h");
        fake.awaitWebhooks(WAIT);

        assertEquals(List.of(new Reply.Snooze(ANNA, clock.instant(), AlarmId.of(43), Duration.ofHours(2))), replies);
    }

    @Test
    void deliver_windowClosedAnswer_fallsBackToTheTemplate() {
        fake.sendText(ANNA, "hello");
        fake.awaitWebhooks(WAIT);
        fake.failNext(Fault.WINDOW_CLOSED, 1);

        assertInstanceOf(DeliveryResult.Sent.class, channel().deliver(heat(44, ANNA, "en")));
        assertEquals("template", last(ANNA).kind());
    }

    @Test
    void deliver_after24HoursWithoutReply_sendsTemplateNotInteractive() {
        fake.sendText(ANNA, "hello");
        fake.awaitWebhooks(WAIT);
        clock.advance(Duration.ofHours(24));

        channel().deliver(heat(45, ANNA, "en"));
        assertEquals("template", last(ANNA).kind());
    }

    @ParameterizedTest
    @CsvSource({
            "RATE_LIMITED, RetryLater, 130429",
            "SERVER_ERROR, RetryLater, 131000",
            "UNAVAILABLE, RetryLater, 131016",
            "TIMEOUT, RetryLater, timeout",
            "TOKEN_EXPIRED, ChannelDown, 190",
            "SPAM_LIMIT, Undeliverable, 131048",
            "WINDOW_CLOSED, Undeliverable, 131047",
    })
    void deliver_errorAnswer_mapsToTheOutboxAction(Fault fault, String kind, String code) {
        fake.failNext(fault, 1);

        DeliveryResult r = channel().deliver(heat(42, ANNA, "en"));

        assertEquals(kind, r.getClass().getSimpleName(), r.toString());
        assertEquals(code, code(r));
        assertTrue(fake.inbox(ANNA).isEmpty());
    }

    static String code(DeliveryResult r) {
        if (r instanceof DeliveryResult.RetryLater x) {
            return x.code();
        }
        if (r instanceof DeliveryResult.ChannelDown x) {
            return x.code();
        }
        return r instanceof DeliveryResult.Undeliverable x ? x.code() : "";
    }

    @Test
    void deliver_duringAnOutage_retriesLaterUntilItEnds() {
        fake.failFor(Fault.UNAVAILABLE, Duration.ofMinutes(10));
        WhatsAppChannel c = channel();
        assertEquals("131016", code(c.deliver(heat(42, ANNA, "en"))));
        clock.advance(Duration.ofMinutes(5));
        assertEquals("131016", code(c.deliver(heat(42, ANNA, "en"))));
        clock.advance(Duration.ofMinutes(5));
        assertInstanceOf(DeliveryResult.Sent.class, c.deliver(heat(42, ANNA, "en")));
    }

    @Test
    void deliver_numberNotOnWhatsApp_isUndeliverable() {
        fake.notOnWhatsApp(ANNA);
        DeliveryResult r = channel().deliver(heat(42, ANNA, "en"));
        assertEquals(new DeliveryResult.Undeliverable("131026", "Message undeliverable (recipient is not a WhatsApp user)"), r);
    }

    @Test
    void deliver_secondMessageWithinPairInterval_isHeldBackClientSideUntilItPasses() {
        WhatsAppChannel c = channel();
        assertInstanceOf(DeliveryResult.Sent.class, c.deliver(heat(1, ANNA, "en")));
        clock.advance(Duration.ofSeconds(2));

        DeliveryResult held = c.deliver(heat(2, ANNA, "en"));
        assertEquals(new DeliveryResult.RetryLater(Duration.ofSeconds(4), "131056", "held back by the gateway's pair rate limit"), held);
        assertEquals(1, fake.inbox(ANNA).size(), "nothing reached the API");

        clock.advance(Duration.ofSeconds(4));
        assertInstanceOf(DeliveryResult.Sent.class, c.deliver(heat(2, ANNA, "en")));
    }

    @Test
    void deliver_pairRateEnforcedByTheApi_isRetryLaterAfterTheInterval() {
        WhatsAppChannel unlimited = channel(settings.withLimits(20, Duration.ZERO), TemplateCatalog.bundled());
        unlimited.deliver(heat(1, ANNA, "en"));

        DeliveryResult r = unlimited.deliver(heat(2, ANNA, "en"));

        DeliveryResult.RetryLater later = assertInstanceOf(DeliveryResult.RetryLater.class, r);
        assertEquals("131056", later.code());
        assertEquals(Duration.ofSeconds(6), later.after());
    }

    @Test
    void deliver_templateTheApiDoesNotKnow_isUndeliverable132001() {
        TemplateCatalog renamed = TemplateCatalog.of("test", List.of(MessageTemplate.of(TemplateName.of("herd_heat_v9"),
                TemplateUse.alarm(AlarmType.HEAT), false, false, List.of("cows"), Map.of(TemplateLanguage.ENGLISH, "Cow {{1}} in heat."))),
                Map.of());
        DeliveryResult r = channel(settings, renamed).deliver(heat(42, ANNA, "en"));
        assertEquals("132001", assertInstanceOf(DeliveryResult.Undeliverable.class, r).code());
    }

    @Test
    void deliver_wrongParameterCount_isUndeliverable132000() {
        TemplateCatalog fewer = TemplateCatalog.of("test", List.of(MessageTemplate.of(TemplateName.of("herd_heat"),
                TemplateUse.alarm(AlarmType.HEAT), true, true, List.of("cows"), Map.of(TemplateLanguage.ENGLISH, "Cow {{1}} in heat."))),
                Map.of(TemplateLanguage.ENGLISH, List.of("Acknowledge", "Snooze 2 h", "Call vet")));
        DeliveryResult r = channel(settings, fewer).deliver(heat(42, ANNA, "en"));
        assertEquals("132000", assertInstanceOf(DeliveryResult.Undeliverable.class, r).code());
    }

    @Test
    void deliver_dailySummary_usesTheSummaryTemplateWithoutButtons() {
        Recipient r = Recipient.of(ContactId.of("anna"), "Anna", ANNA, Locale.ENGLISH);
        Content.DailySummary s = new Content.DailySummary(LocalDate.parse("2026-11-21"), List.of(CowId.of("7019")), List.of(),
                Map.of(CowId.of("1355-2"), LocalDate.parse("2026-11-24")), List.of(CowId.of("88")));

        channel().deliver(Notification.of(NotificationKey.of("summary/2026-11-21/anna"), r, Priority.LOW, s));

        Delivered d = last(ANNA);
        assertEquals(Optional.of("herd_daily_summary/en"), d.template());
        assertEquals("Herd summary for Sat 21 Nov. In heat: 7019. To watch: none. Heats expected: 1355-2 (24 Nov). "
                + "Collars to check: 88. Have a good day.", d.text());
        assertEquals(List.of(), d.buttons());
    }

    @Test
    void deliver_manyCows_namesTwentyAndCountsTheRest() {
        List<CowId> cows = java.util.stream.IntStream.rangeClosed(1, 23).mapToObj(i -> CowId.of("c" + i)).toList();
        Content.AlarmMessage m = new Content.AlarmMessage(AlarmId.of(9), AlarmType.OFFLINE, Severity.values()[0], cows,
                Instant.parse("2026-11-21T05:40:00Z"), 0, Map.of());
        Recipient r = Recipient.of(ContactId.of("anna"), "Anna", ANNA, Locale.ENGLISH);
        channel().deliver(Notification.of(NotificationKey.forAlarm(AlarmId.of(9), r.contact(), 0), r, Priority.HIGH, m));

        assertTrue(last(ANNA).text().startsWith("Collar offline: no data from the collar of cow c1, c2, c3, c4, c5, c6, c7, "
                + "c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20 +3 since "), last(ANNA).text());
    }

    @Test
    void deliver_wrongToken_isChannelDownAndTheTokenIsNotInTheResult() {
        WhatsAppSettings wrong = new WhatsAppSettings(fake.baseUrl(), "v23.0", PNID, Secret.of("EAAwrongToken"), APP_SECRET,
                VERIFY, Duration.ofSeconds(1), 20, Duration.ofSeconds(6), ZoneOffset.UTC);
        DeliveryResult r = channel(wrong, TemplateCatalog.bundled()).deliver(heat(42, ANNA, "en"));
        assertEquals("190", assertInstanceOf(DeliveryResult.ChannelDown.class, r).code());
        assertTrue(!r.toString().contains("EAAwrongToken") && !wrong.toString().contains("EAAwrongToken")
                && !wrong.toString().contains(APP_SECRET.reveal()), wrong.toString());
    }
}
