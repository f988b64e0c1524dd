package io.herdgate.gateway.whatsapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.chart.ChartSource;
import io.herdgate.gateway.chart.Png;
import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.phone.Delivered;
import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A critical alarm goes out with words and buttons at once, whatever its chart costs; the chart follows as
 * a message of its own. Channel and fake Cloud API on real HTTP servers; the chart source is a latch the
 * test opens, standing for a chart that takes long to draw.
 */
class CriticalAlarmChartTest {

    private static final PhoneNumber ANNA = PhoneNumber.of("+4915112345678");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] CHART = NoChartImage.png();

    private final ManualClock clock = ManualClock.of(Instant.parse("2026-11-21T03:00:00Z"));
    private final CountDownLatch drawing = new CountDownLatch(1);
    private final CountDownLatch drawn = new CountDownLatch(1);
    private final AtomicInteger charts = new AtomicInteger();
    private final ChartSource slowCharts = alarm -> {
        charts.incrementAndGet();
        drawing.countDown();
        try {
            drawn.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.of(Png.of(CHART, 800, 418));
    };
    private Database db;
    private FakeCloudApi fake;
    private Javalin gateway;
    private WhatsAppChannel channel;
    private WhatsAppSettings settings;

    @BeforeEach
    void start(@TempDir Path dir) {
        db = Database.open(dir.resolve("gateway.db"));
        SqliteMessageLog log = SqliteMessageLog.of(db);
        fake = FakeCloudApi.start(FakeCloudApiSettings.of(WhatsAppChannelTest.PNID, WhatsAppChannelTest.TOKEN,
                WhatsAppChannelTest.APP_SECRET, clock));
        settings = WhatsAppSettings.of(WhatsAppChannelTest.PNID, WhatsAppChannelTest.TOKEN, WhatsAppChannelTest.APP_SECRET,
                WhatsAppChannelTest.VERIFY, ZoneOffset.UTC).withBaseUrl(fake.baseUrl()).withTimeout(Duration.ofSeconds(2));
        gateway = Javalin.create(c -> c.showJavalinBanner = false);
        WhatsAppWebhook.of(settings, log, r -> { }, s -> { }).register(gateway);
        gateway.start("127.0.0.1", 0);
        fake.webhookTo(URI.create("http://127.0.0.1:" + gateway.port() + WhatsAppWebhook.PATH));
        channel = WhatsAppChannel.of(settings, TemplateCatalog.bundled(), slowCharts, log, clock);
    }

    @AfterEach
    void stop() {
        drawn.countDown();
        channel.close();
        List<String> violations = fake.violations();
        fake.close();
        gateway.stop();
        db.close();
        assertEquals(List.of(), violations, "requests the spec does not allow");
    }

    private static Notification cowDown(long alarm, int step) {
        Content.AlarmMessage m = new Content.AlarmMessage(AlarmId.of(alarm), AlarmType.NO_MOTION, Severity.CRITICAL,
                List.of(CowId.of("7019")), Instant.parse("2026-11-21T02:10:00Z"), step, Map.of());
        Recipient r = Recipient.of(ContactId.of("anna"), "Anna", ANNA, Locale.ENGLISH);
        return Notification.of(NotificationKey.forAlarm(AlarmId.of(alarm), r.contact(), step), r, Priority.CRITICAL, m);
    }

    /** Waits (machine time) until Anna's inbox holds {@code n} messages, moving the clock on so the pair rate lets them. */
    private List<Delivered> awaitInbox(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (fake.inbox(ANNA).size() < n && System.nanoTime() < deadline) {
            clock.advance(Duration.ofSeconds(1));
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return fake.inbox(ANNA);
    }

    @Test
    void deliver_criticalCowDown_isSentWithButtonsAndNoImage_andItsChartIsDrawnOnlyWhenItsTurnComes() throws InterruptedException {
        DeliveryResult r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> channel.deliver(cowDown(42, 0)));

        assertInstanceOf(DeliveryResult.Sent.class, r);
        assertFalse(drawing.await(300, TimeUnit.MILLISECONDS),
                "no chart drawn while the pair interval holds the recipient (other critical alarms may still be on their way)");
        clock.advance(settings.pairInterval());
        assertTrue(drawing.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the chart is drawn once its turn came, off the path");
        Delivered d = fake.inbox(ANNA).get(0);
        assertEquals(Optional.of("herd_cow_down_critical/en"), d.template());
        assertEquals("Cow down: cow 7019 has not moved since 11/21/26, 2:10 AM. Please check her now. "
                + "The activity chart follows.", d.text());
        assertEquals(Optional.empty(), d.image());
        assertEquals(List.of("ack:42", "snooze:42", "vet:42"), d.buttons().stream().map(Delivered.Button::payload).toList());
        assertEquals(1, fake.inbox(ANNA).size(), "nothing else goes out while the chart is being drawn");
    }

    @Test
    void deliver_criticalCowDown_chartFollowsAsTheChartTemplateOncePairRateAllows() throws InterruptedException {
        channel.deliver(cowDown(42, 0));
        drawn.countDown();

        List<Delivered> inbox = awaitInbox(2);
        assertEquals(2, inbox.size());
        Delivered chart = inbox.get(1);
        assertEquals(Optional.of("herd_alarm_chart/en"), chart.template());
        assertEquals("Activity chart of cow 7019 for the alarm of 11/21/26, 2:10 AM.", chart.text());
        assertArrayEquals(CHART, chart.image().orElseThrow());
        assertEquals(List.of(), chart.buttons());
        assertTrue(!Duration.between(inbox.get(0).at(), chart.at()).minus(settings.pairInterval()).isNegative(),
                "WhatsApp's pair rate is kept");
    }

    @Test
    void deliver_criticalInsideTheWindow_chartFollowsAsAnImageMessageWithCaption() throws InterruptedException {
        fake.sendText(ANNA, "hello");
        fake.awaitWebhooks(WAIT);
        channel.deliver(cowDown(43, 0));
        drawn.countDown();

        List<Delivered> inbox = awaitInbox(2);
        assertEquals("interactive", inbox.get(0).kind());
        assertEquals(Optional.empty(), inbox.get(0).image());
        assertEquals("image", inbox.get(1).kind());
        assertEquals("Activity chart of cow 7019 for the alarm of 11/21/26, 2:10 AM.", inbox.get(1).text());
        assertArrayEquals(CHART, inbox.get(1).image().orElseThrow());
    }

    @Test
    void deliver_repeatOfACriticalAlarm_sendsNoSecondChart() throws InterruptedException {
        channel.deliver(cowDown(44, 0));
        drawn.countDown();
        awaitInbox(2);
        clock.advance(Duration.ofMinutes(15));

        assertInstanceOf(DeliveryResult.Sent.class, channel.deliver(cowDown(44, 1)));
        List<Delivered> inbox = awaitInbox(4);
        assertEquals(3, inbox.size());
        assertEquals(Optional.of("herd_cow_down_critical/en"), inbox.get(2).template());
        assertEquals(1, charts.get());
    }

    @Test
    void deliver_heat_stillCarriesItsChartInTheSameMessage() {
        drawn.countDown();
        assertInstanceOf(DeliveryResult.Sent.class, channel.deliver(WhatsAppChannelTest.heat(45, ANNA, "en")));

        Delivered d = fake.inbox(ANNA).get(0);
        assertEquals(Optional.of("herd_heat/en"), d.template());
        assertArrayEquals(CHART, d.image().orElseThrow());
        assertEquals(1, charts.get());
    }
}
