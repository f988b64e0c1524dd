package io.herdgate.gateway.rehearsal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.gateway.whatsapp.TemplateCatalog;
import io.herdgate.gateway.whatsapp.WhatsAppSettings;
import io.herdgate.rules.params.Rules;
import io.herdgate.sim.herd.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rehearsal runs made-up critical alarms through the real desk, outbox, workers and WhatsApp channel to its
 * loopback stand-in: the configured API (here the fake Cloud API) hears nothing, and nothing is left behind.
 */
@Timeout(60)
class AlarmRehearsalTest {

    private static final PhoneNumberId PHONE_ID = PhoneNumberId.of("106540352242922");
    private static final Secret TOKEN = Secret.of("test-access-token");
    private static final Secret APP_SECRET = Secret.of("test-app-secret");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final ManualClock clock = ManualClock.of(Instant.parse("2026-03-02T08:00:00Z"));

    @Test
    void run_sendsEveryAlarmAndItsChart_toTheStandIn_andNothingToTheConfiguredApi() throws Exception {
        try (FakeCloudApi api = FakeCloudApi.start(FakeCloudApiSettings.of(PHONE_ID, TOKEN, APP_SECRET, clock))) {
            List<Path> before = scratchDirs();

            AlarmRehearsal.Rehearsed r = rehearsal(api).run();

            assertTrue(r.complete(), r.toString());
            assertEquals(AlarmRehearsal.PASSES * AlarmRehearsal.PER_PASS, r.alarms());
            // The bundled catalog sends a critical alarm at once and its chart as a message of its own.
            assertEquals(2 * r.alarms(), r.expected(), r.toString());
            assertEquals(r.alarms(), r.uploads(), "one chart uploaded per alarm");
            assertEquals(0, api.connections(), "the configured API heard nothing");
            assertEquals(0, api.phones().size());
            assertEquals(before, scratchDirs(), "the scratch directory is deleted");
        }
    }

    @Test
    void run_interrupted_stopsAndDeletesItsScratch() throws Exception {
        try (FakeCloudApi api = FakeCloudApi.start(FakeCloudApiSettings.of(PHONE_ID, TOKEN, APP_SECRET, clock))) {
            List<Path> before = scratchDirs();
            Thread.currentThread().interrupt();

            assertThrows(InterruptedException.class, () -> rehearsal(api).run());

            assertEquals(before, scratchDirs(), "the scratch directory is deleted");
            assertEquals(0, api.connections());
        }
    }

    private AlarmRehearsal rehearsal(FakeCloudApi api) {
        WhatsAppSettings settings = WhatsAppSettings.of(PHONE_ID, TOKEN, APP_SECRET, Secret.of("verify"), ZONE)
                .withBaseUrl(api.baseUrl());
        return AlarmRehearsal.of(settings, TemplateCatalog.bundled(), Rules.defaults(), clock, 4);
    }

    private static List<Path> scratchDirs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("herdgate-rehearsal")).sorted().toList();
        }
    }
}
