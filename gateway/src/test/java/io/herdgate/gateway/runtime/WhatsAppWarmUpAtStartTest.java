package io.herdgate.gateway.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.config.ConfigCheck;
import io.herdgate.gateway.config.GatewayConfigFile;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
import io.herdgate.gateway.testing.GatewayFiles;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.sim.herd.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once healthy, the running gateway readies its WhatsApp send path off the start path: it asks the (fake)
 * Cloud API for its business number, which the fake checks against Meta's spec, and a token WhatsApp refuses
 * shows on {@code /health} for the installer.
 */
@Timeout(60)
class WhatsAppWarmUpAtStartTest {

    private static final String PHONE_ID = "106540352242922";
    private static final Secret TOKEN = Secret.of("test-access-token");
    private static final Secret APP_SECRET = Secret.of("test-app-secret");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ManualClock clock = ManualClock.of(Instant.parse("2026-03-02T08:00:00Z"));

    @Test
    void healthyGateway_asksTheApiForItsNumber_beforeAnyAlarm_andReportsNothingWrong(@TempDir Path dir) throws Exception {
        try (FakeCloudApi api = FakeCloudApi.start(FakeCloudApiSettings.of(PhoneNumberId.of(PHONE_ID), TOKEN, APP_SECRET, clock));
             Gateway g = start(dir, api, TOKEN)) {
            assertTrue(await(() -> api.connections() == 1), "the warm-up's request reached the API");
            String health = health(g);
            assertFalse(health.contains("whatsapp"), health);
            assertEquals(0, api.phones().size(), "the warm-up sends nobody anything");
            assertEquals(List.of(), api.violations());
        }
    }

    @Test
    void warmUp_rehearsesTheAlarmPath_leavingNoRowAndSendingNothing(@TempDir Path dir) throws Exception {
        try (FakeCloudApi api = FakeCloudApi.start(FakeCloudApiSettings.of(PhoneNumberId.of(PHONE_ID), TOKEN, APP_SECRET, clock));
             Gateway g = start(dir, api, TOKEN)) {
            assertTrue(g.awaitWarmUp(WAIT), "the warm-up and its rehearsal ended");
            for (String table : List.of("alarm", "alarm_page", "alarm_hold", "outbox", "whatsapp_sent", "cow")) {
                assertEquals(0, rows(g, table), table + " rows");
            }
            assertEquals(List.of(), g.alarmDesk().alarms(true), "no alarm on the desk");
            assertEquals(1, api.connections(), "only the warm-up's own request reached the API");
            assertEquals(0, api.phones().size(), "nobody was sent anything");
            assertEquals(List.of(), api.violations());
        }
    }

    @Test
    void tokenRefusedByWhatsApp_showsOnHealth_namingWhatToFix(@TempDir Path dir) throws Exception {
        try (FakeCloudApi api = FakeCloudApi.start(FakeCloudApiSettings.of(PhoneNumberId.of(PHONE_ID), TOKEN, APP_SECRET, clock));
             Gateway g = start(dir, api, Secret.of("expired-access-token"))) {
            String[] last = {""};
            boolean shown = await(() -> {
                last[0] = health(g);
                return last[0].contains("whatsapp access token refused (190)");
            });
            assertTrue(shown, last[0]);
            assertTrue(last[0].contains("whatsapp.token_file"), last[0]);
            assertEquals(List.of(), api.violations());
        }
    }

    private Gateway start(Path dir, FakeCloudApi api, Secret token) {
        Path file = GatewayFiles.in(dir).timeZone("Europe/Berlin")
                .contacts(GatewayFiles.farmer(PhoneNumber.of("+4915112345678"), "en"))
                .whatsapp(api.baseUrl(), PHONE_ID, token, APP_SECRET)
                .write();
        ConfigCheck check = GatewayConfigFile.read(file);
        ConfigCheck.Valid valid = assertInstanceOf(ConfigCheck.Valid.class, check, check.toString());
        return Gateway.builder(valid.config()).clock(clock).manualSchedule().unsyncedStorage()
                .localLink((eui, frame) -> { }).start();
    }

    private static long rows(Gateway g, String table) {
        return g.database().read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static String health(Gateway g) {
        try {
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.httpPort() + "/health")).build();
            return HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read /health", e);
        }
    }

    /** Polls (machine time) until {@code done}, at most {@link #WAIT}. */
    private static boolean await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return done.getAsBoolean();
    }
}
