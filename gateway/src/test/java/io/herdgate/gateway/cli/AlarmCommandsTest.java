package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.alarm.AlarmApi;
import io.herdgate.gateway.alarm.AlarmDesk;
import io.herdgate.gateway.alarm.AlarmView;
import io.herdgate.gateway.alarm.GatewayProblem;
import io.herdgate.gateway.http.ApiAuth;
import io.herdgate.gateway.http.ApiToken;
import io.herdgate.gateway.http.HttpServer;
import io.herdgate.gateway.http.HttpSettings;
import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.outbox.Outbox;
import io.herdgate.gateway.outbox.OutboxSettings;
import io.herdgate.gateway.outbox.OutboxWatcher;
import io.herdgate.gateway.routing.ContactsFile;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.Database;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alarms, ack and silence against the gateway's real HTTP server (bearer token) and a real SQLite file. */
class AlarmCommandsTest {

    static final String CONTACTS = """
            contacts:
              - {id: anna, name: Anna, phone: "+4915112345678", language: de, role: farmer,
                 opt-in: {at: 2026-03-01, how: signed form}}
            routes:
              - name: all
                chain: [{contact: anna}]
            """;

    @TempDir
    Path dataDir;
    final ManualClock clock = ManualClock.of(Instant.parse("2026-06-01T08:00:00Z"));
    Database db;
    AlarmDesk desk;
    HttpServer server;
    final List<Cli> runs = new ArrayList<>();

    @BeforeEach
    void start() {
        db = Database.open(dataDir.resolve(GatewayOptions.DATABASE));
        Outbox outbox = Outbox.open(db, OutboxSettings.defaults(), clock, OutboxWatcher.none());
        desk = AlarmDesk.open(db, ContactsFile.parse(CONTACTS, "contacts.yaml"), outbox, ChannelName.WHATSAPP, clock);
        server = HttpServer.start(HttpSettings.loopbackAnyPort(), ApiAuth.of(ApiToken.loadOrCreate(dataDir)),
                List.of(AlarmApi.of(desk)));
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
        for (Cli r : runs) {
            assertTrue(r.noStackTrace(), r.toString());
        }
    }

    private Cli run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--gateway", "http://127.0.0.1:" + server.port(), "--data-dir", dataDir.toString()));
        Cli r = Cli.run(all.toArray(String[]::new));
        runs.add(r);
        return r;
    }

    private AlarmId raise(String cow, AlarmType type) {
        desk.onEvent(AlarmEvent.Raised.of(Alarm.of(CowId.of(cow), type, clock.instant(), Severity.WARNING,
                Explanation.of("still_min", 95, OptionalDouble.empty(), 60, Duration.ofMinutes(95), Map.of()))));
        return desk.alarms(false).stream().filter(v -> v.cow().value().equals(cow)).map(AlarmView::id).findFirst()
                .orElseThrow();
    }

    @Test
    void alarms_listsActiveAlarmsAndGatewayProblems() {
        AlarmId id = raise("17", AlarmType.NO_MOTION);
        desk.raise(GatewayProblem.DONGLE_UNPLUGGED);

        Cli r = run("alarms");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("GATEWAY PROBLEM: dongle_unplugged since 2026-06-01T08:00:00Z"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(id + "\\s+17\\s+no_motion\\s+critical\\s+2026-06-01T08:00:00Z\\s+active\\s+-.*")),
                r.out());
    }

    @Test
    void ack_acknowledgesOverTheApi_andSaysSoWhenDoneTwice() {
        AlarmId id = raise("17", AlarmType.CALVING);

        Cli first = run("ack", Long.toString(id.value()), "--by", "anna");
        Cli again = run("ack", Long.toString(id.value()), "--by", "bob");

        assertEquals(0, first.exit(), first.err());
        assertEquals("alarm " + id + " (calving, cow 17) acknowledged by anna; no further messages.", first.out().strip());
        assertTrue(again.out().contains("was already acknowledged by anna"), again.out());
        assertTrue(run("alarms").out().contains("acknowledged (anna)"));
    }

    @Test
    void ack_resolve_clearsTheAlarm() {
        AlarmId id = raise("17", AlarmType.COLLAR_OFF);

        Cli r = run("ack", Long.toString(id.value()), "--resolve", "--by", "installer");

        assertEquals(0, r.exit(), r.err());
        assertEquals("No active alarms.", run("alarms").out().strip());
    }

    @Test
    void ack_unknownAlarm_failsWithOneLine() {
        Cli r = run("ack", "999");

        assertEquals(1, r.exit());
        assertEquals("herdgate ack: no alarm 999", r.err().strip());
    }

    @Test
    void silence_setListAndLift() {
        Cli set = run("silence", "--cow", "17", "--type", "heat", "--for", "48h", "--reason", "inseminated", "--by", "vet");
        assertEquals(0, set.exit(), set.err());
        assertEquals("Silence 1: heat alarms of cow 17 until 2026-06-03T08:00:00Z (vet: inseminated)", set.out().strip());

        assertEquals("1: heat alarms of cow 17 until 2026-06-03T08:00:00Z (vet: inseminated)", run("silence", "list").out().strip());
        AlarmId heat = raise("17", AlarmType.HEAT);
        assertTrue(desk.find(heat).orElseThrow().note().orElseThrow().startsWith("silenced until"));

        assertEquals("Silence 1 lifted.", run("silence", "lift", "1").out().strip());
        assertEquals("No silences.", run("silence", "list").out().strip());
    }

    @Test
    void silence_badInput_failsWithOneClearLine() {
        assertEquals("herdgate silence: --type: unknown alarm type 'heats', allowed: heat, illness, calving, no_motion, "
                + "collar_off, offline, battery", run("silence", "--type", "heats", "--for", "1h", "--reason", "x").err().strip());
        assertTrue(run("silence", "--for", "1h", "--reason", "x").err().startsWith("herdgate silence: give --cow, --type or both"));
        assertEquals("herdgate silence: --for: a silence lasts 1 minute to 30 days, got PT960H",
                run("silence", "--cow", "17", "--for", "40d", "--reason", "x").err().strip());
        assertEquals("herdgate silence lift: no silence 5", run("silence", "lift", "5").err().strip());
    }

    @Test
    void wrongToken_isRefusedWithAHint() throws Exception {
        Files.writeString(ApiToken.file(dataDir), "not-the-gateways-token-but-well-formed\n");

        Cli r = run("alarms");

        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("herdgate alarms: ") && r.err().contains("token"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
