package io.herdgate.gateway.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.config.ConfigCheck;
import io.herdgate.gateway.config.GatewayConfigFile;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.phone.Delivered;
import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
import io.herdgate.gateway.sms.SimulatedModem;
import io.herdgate.gateway.testing.GatewayFiles;
import io.herdgate.gateway.testing.PtyPair;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #5's fault "the Cloud API unreachable for hours", through the running gateway: its configuration
 * file with WhatsApp and an SMS modem (a simulated GSM modem on a socat pty), real SQLite, the fake Cloud
 * API stopped (connections refused) for three hours of simulated time and started again on its port. The
 * alarms are handed to the gateway's desk as the detection engine would raise them.
 *
 * <p>What the outbox's policy says, and what is asserted: a critical alarm moves to SMS after two minutes
 * without WhatsApp, a warning after ten; each goes out once (an alarm sent by SMS is not sent again by
 * WhatsApp later); once the API answers again WhatsApp is used again within the channel's longest
 * backoff (ten minutes), and nothing is sent twice.
 */
@Timeout(120)
class WhatsAppOutageTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final PhoneNumber ANNA = PhoneNumber.of("+4915112345678");
    private static final String PHONE_ID = "106540352242922";
    private static final Secret TOKEN = Secret.of("test-access-token");
    private static final Secret APP_SECRET = Secret.of("test-app-secret");
    private static final Duration STEP = Duration.ofSeconds(10);

    private final ManualClock clock = ManualClock.of(START);
    private final List<SimulatedModem.Submitted> sms = new ArrayList<>();

    @Test
    void apiUnreachableForHours_alarmsGoBySmsOnce_andWhatsAppDeliversAgainOnceBack(@TempDir Path dir) throws Exception {
        FakeCloudApiSettings api = FakeCloudApiSettings.of(PhoneNumberId.of(PHONE_ID), TOKEN, APP_SECRET, clock);
        FakeCloudApi before = FakeCloudApi.start(api);
        int port = before.baseUrl().getPort();
        try (PtyPair pty = PtyPair.open(); SimulatedModem modem = SimulatedModem.on(pty.b())) {
            ConfigCheck check = GatewayConfigFile.read(writeConfig(dir, before, pty.a()));
            ConfigCheck.Valid valid = assertInstanceOf(ConfigCheck.Valid.class, check, check.toString());
            try (Gateway g = Gateway.builder(valid.config()).clock(clock).ticker(this::nanos).manualSchedule()
                    .unsyncedStorage().localLink((eui, frame) -> { }).start()) {
                // the API answers: a cow down goes out by WhatsApp at once
                raise(g, "7101", AlarmType.NO_MOTION, Severity.CRITICAL);
                run(g, modem, Duration.ofSeconds(30));
                assertEquals(1, mentions(before.inbox(ANNA), "7101"));
                before.close();

                // the API is unreachable: a cow down reaches Anna by SMS after two minutes, a heat after ten
                Instant down = clock.instant();
                raise(g, "7102", AlarmType.NO_MOTION, Severity.CRITICAL);
                run(g, modem, Duration.ofMinutes(1).plusSeconds(50));
                assertEquals(0, smsAbout("7102"), "WhatsApp is given two minutes for a critical alarm");
                run(g, modem, Duration.ofSeconds(30));
                assertEquals(1, smsAbout("7102"), "by SMS two minutes after WhatsApp failed: " + sms);
                run(g, modem, Duration.ofHours(1));
                raise(g, "7103", AlarmType.HEAT, Severity.WARNING);
                run(g, modem, Duration.ofMinutes(9).plusSeconds(50));
                assertEquals(0, smsAbout("7103"), "WhatsApp is given ten minutes for a warning");
                run(g, modem, Duration.ofSeconds(30));
                assertEquals(1, smsAbout("7103"), "by SMS ten minutes after: " + sms);
                run(g, modem, Duration.ofHours(3).minus(Duration.between(down, clock.instant())).minusSeconds(30));
                raise(g, "7104", AlarmType.HEAT, Severity.WARNING); // waiting for WhatsApp when it comes back

                // three hours later the API answers again, on the same address
                run(g, modem, Duration.ofSeconds(30));
                try (FakeCloudApi after = FakeCloudApi.start(api.withPort(port))) {
                    run(g, modem, Duration.ofMinutes(10));
                    raise(g, "7105", AlarmType.NO_MOTION, Severity.CRITICAL);
                    run(g, modem, Duration.ofSeconds(30));
                    assertEquals(1, mentions(after.inbox(ANNA), "7105"), "WhatsApp works again: " + after.inbox(ANNA));
                    assertEquals(0, smsAbout("7105"));
                    assertEquals(1, mentions(after.inbox(ANNA), "7104") + smsAbout("7104"),
                            "the heat waiting when the API came back is sent once, by one channel");

                    run(g, modem, Duration.ofHours(1));
                    // nothing sent twice, nothing sent again by WhatsApp that went by SMS
                    assertEquals(List.of(1, 1, 1), List.of(smsAbout("7102"), smsAbout("7103"),
                            mentions(after.inbox(ANNA), "7105")));
                    assertEquals(0, mentions(after.inbox(ANNA), "7102") + mentions(after.inbox(ANNA), "7103"));
                    assertEquals(1, mentions(before.inbox(ANNA), "7101") + mentions(after.inbox(ANNA), "7101")
                            + smsAbout("7101"));
                    assertEquals(List.of(), after.violations());
                }
            }
        }
    }

    private void raise(Gateway g, String cow, AlarmType type, Severity severity) {
        g.alarmDesk().onEvent(AlarmEvent.Raised.of(Alarm.of(CowId.of(cow), type, clock.instant(), severity,
                Explanation.of("activity", 2.6, OptionalDouble.of(1.0), 1.8, Duration.ofHours(3), Map.of()))));
    }

    /** Advances the clock in steps of {@link #STEP}, running the schedule (and its delivery pass) each time. */
    private void run(Gateway g, SimulatedModem modem, Duration d) {
        Instant end = clock.instant().plus(d);
        while (clock.instant().isBefore(end)) {
            clock.advance(STEP);
            g.runSchedule();
            sms.addAll(modem.takeSubmitted());
        }
    }

    private int smsAbout(String cow) {
        return (int) sms.stream().filter(m -> m.number().endsWith(ANNA.digits()) && m.text().contains(cow)).count();
    }

    /** Alarm messages naming {@code cow}; the chart that follows a critical alarm as a message of its own is not one. */
    private static int mentions(List<Delivered> inbox, String cow) {
        return (int) inbox.stream().filter(m -> m.text().contains(cow) && !m.kind().equals("image")
                && !m.template().map(t -> t.startsWith("herd_alarm_chart/")).orElse(false)).count();
    }

    private static Path writeConfig(Path dir, FakeCloudApi api, Path modem) {
        return GatewayFiles.in(dir).timeZone("Europe/Berlin")
                .contacts(GatewayFiles.farmer(PhoneNumber.of("+4915112345678"), "en") + "grouping: {window: 0m}\n")
                .whatsapp(api.baseUrl(), PHONE_ID, TOKEN, APP_SECRET)
                .yaml("""
                        sms:
                          modem: %s
                          baud: 115200
                        """.formatted(modem))
                .write();
    }

    private long nanos() {
        Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
