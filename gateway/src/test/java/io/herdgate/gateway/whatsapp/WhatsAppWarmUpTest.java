package io.herdgate.gateway.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteMessageLog;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.ManualClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channel's warm-up against the fake Cloud API on a real HTTP server, which checks each request against Meta's spec. */
class WhatsAppWarmUpTest {

    private final ManualClock clock = ManualClock.of(Instant.parse("2026-11-21T03:00:00Z"));
    private Database db;
    private FakeCloudApi fake;
    private SqliteMessageLog log;

    @BeforeEach
    void start(@TempDir Path dir) {
        db = Database.open(dir.resolve("gateway.db"));
        log = SqliteMessageLog.of(db);
        fake = FakeCloudApi.start(FakeCloudApiSettings.of(WhatsAppChannelTest.PNID, WhatsAppChannelTest.TOKEN,
                WhatsAppChannelTest.APP_SECRET, clock));
    }

    @AfterEach
    void stop() {
        List<String> violations = fake.violations();
        fake.close();
        db.close();
        assertEquals(List.of(), violations, "requests the spec does not allow");
    }

    private WhatsAppChannel channel(Secret token, URI api) {
        WhatsAppSettings s = WhatsAppSettings.of(WhatsAppChannelTest.PNID, token, WhatsAppChannelTest.APP_SECRET,
                WhatsAppChannelTest.VERIFY, ZoneOffset.UTC).withBaseUrl(api).withTimeout(Duration.ofSeconds(5))
                .withLimits(20, Duration.ZERO);
        return WhatsAppChannel.of(s, TemplateCatalog.bundled(), alarm -> Optional.empty(), log, clock);
    }

    /** A heat alarm: its chart is uploaded before the message on the caller's thread, so every call is sequential. */
    private Notification heat(long alarm, String phone) {
        Recipient r = Recipient.of(ContactId.of("c" + alarm), "Farmer " + alarm, PhoneNumber.of(phone), Locale.ENGLISH);
        return Notification.of(NotificationKey.forAlarm(AlarmId.of(alarm), r.contact(), 0), r, Priority.NORMAL,
                new Content.AlarmMessage(AlarmId.of(alarm), AlarmType.HEAT, Severity.WARNING, List.of(CowId.of("7019")),
                        clock.instant(), 0, Map.of()));
    }

    @Test
    void warmUp_asksForTheBusinessNumber_andIsReady_withNoSpecViolation() {
        try (WhatsAppChannel channel = channel(WhatsAppChannelTest.TOKEN, fake.baseUrl())) {
            ApiCheck check = channel.warmUp();

            ApiCheck.Ready ready = assertInstanceOf(ApiCheck.Ready.class, check);
            assertEquals("+1 555-078-3881", ready.displayPhoneNumber());
            assertEquals(FakeCloudApi.VERIFIED_NAME, ready.verifiedName());
            assertEquals("GREEN", ready.qualityRating());
            assertEquals(Optional.empty(), check.healthNote());
            assertEquals(0, fake.phones().size(), "nothing was sent to anyone");
        }
    }

    @Test
    void warmUp_thenAlarmsToTwoFarmers_allGoOverTheOneConnectionItOpened() {
        try (WhatsAppChannel channel = channel(WhatsAppChannelTest.TOKEN, fake.baseUrl())) {
            channel.warmUp();
            assertInstanceOf(DeliveryResult.Sent.class, channel.deliver(heat(1, "+4915112345678")));
            assertInstanceOf(DeliveryResult.Sent.class, channel.deliver(heat(2, "+4915187654321")));

            assertEquals(1, fake.connections(), "the warm-up's connection is kept alive and reused");
        }
    }

    @Test
    void warmUp_withATokenWhatsAppRefuses_isRefused190_andTellsTheInstallerWhatToFix() {
        try (WhatsAppChannel channel = channel(Secret.of("EAAexpiredToken000"), fake.baseUrl())) {
            ApiCheck check = channel.warmUp();

            ApiCheck.Refused refused = assertInstanceOf(ApiCheck.Refused.class, check);
            assertEquals(190, refused.error().code());
            String note = check.healthNote().orElseThrow();
            assertTrue(note.contains("token refused (190)") && note.contains("whatsapp.token_file"), note);
        }
    }

    @Test
    void warmUp_withNobodyListening_isUnreachable_withoutAHealthNote() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (WhatsAppChannel channel = channel(WhatsAppChannelTest.TOKEN, URI.create("http://127.0.0.1:" + port))) {
            ApiCheck check = channel.warmUp();

            assertEquals("network", assertInstanceOf(ApiCheck.Unreachable.class, check).code());
            assertEquals(Optional.empty(), check.healthNote(), "the network may come back; nothing to fix in the configuration");
        }
    }
}
