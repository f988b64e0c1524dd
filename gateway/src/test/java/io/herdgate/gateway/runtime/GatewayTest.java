package io.herdgate.gateway.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.config.GatewayConfig;
import io.herdgate.gateway.config.HttpConfig;
import io.herdgate.gateway.demo.SimulatedFarm;
import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.gateway.store.Checkpoints;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteCounterStore;
import io.herdgate.protocol.session.CounterStream;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.detect.DetectionEngine;
import io.herdgate.sim.herd.HerdConfig;
import io.herdgate.sim.herd.ManualClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    private static GatewayConfig config(Path dir) {
        return GatewayConfig.of(dir.resolve("data"), ZoneOffset.UTC).withHttp(HttpConfig.of("127.0.0.1", 0));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void start_onAFreshDataDir_isHealthyOnAnyFreePort_andStopFreesThePort(@TempDir Path dir) throws Exception {
        int port;
        try (Gateway g = Gateway.builder(config(dir)).start()) {
            port = g.httpPort();
            HttpResponse<String> r = get(port, "/health");
            assertEquals(200, r.statusCode());
            assertTrue(r.body().startsWith("{\"status\":\"degraded\",\"reasons\":[\"no collar link configured\"]"), r.body());
            assertTrue(Files.exists(dir.resolve("data/herdgate.db")));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/api-token"))));
            assertEquals(401, get(port, "/api/collars").statusCode(), "the API needs the token");
            assertTrue(g.startTime().compareTo(Duration.ZERO) > 0);
        }
        assertThrows(ConnectException.class, () -> get(port, "/health"));
    }

    @Test
    void start_portTaken_failsNamingTheStepAndLeavesNothingRunning(@TempDir Path dir) {
        try (Gateway first = Gateway.builder(config(dir)).start()) {
            GatewayConfig same = GatewayConfig.of(dir.resolve("other"), ZoneOffset.UTC)
                    .withHttp(HttpConfig.of("127.0.0.1", first.httpPort()));
            GatewayStartException e = assertThrows(GatewayStartException.class, () -> Gateway.builder(same).start());
            assertEquals("http", e.step());
            assertTrue(e.getMessage().startsWith("cannot start (http): ") && e.getMessage().contains(":" + first.httpPort()),
                    e.getMessage());
            // the database the failed start opened was closed again: it can be opened and written
            try (Database db = Database.open(dir.resolve("other/herdgate.db"))) {
                assertEquals(Database.supportedSchemaVersion(), db.schemaVersion());
            }
        }
    }

    @Test
    void start_databaseNewerThanThisBuild_refusesClearly(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        try (Database db = Database.open(dir.resolve("data/herdgate.db"))) {
            assertTrue(db.schemaVersion() > 0);
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/herdgate.db"));
             var s = c.createStatement()) {
            s.execute("PRAGMA user_version = 999");
        }
        GatewayStartException e = assertThrows(GatewayStartException.class, () -> Gateway.builder(config(dir)).start());
        assertEquals("database", e.step());
        assertTrue(e.getMessage().contains("schema version 999 is newer than this build supports"), e.getMessage());
    }

    @Test
    void start_invalidRulesFile_refusesNamingTheFirstProblem(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "herd:\n  heat:\n    rise_pct: 650\n");
        GatewayStartException e = assertThrows(GatewayStartException.class,
                () -> Gateway.builder(config(dir).withRulesFile(rules)).start());
        assertEquals("rules", e.step());
        assertTrue(e.getMessage().contains(rules + ":3:15: herd.heat.rise_pct: 650 is outside 10..500 (%)"), e.getMessage());
    }

    /** A running farm: collars join, send a day of frames; the gateway sees every cow every minute. */
    private static Gateway runFarm(Path dir, ManualClock clock, SimulatedFarm farm, Duration span, List<AlarmEvent> alarms) {
        Gateway g = Gateway.builder(config(dir)).clock(clock).ticker(() -> nanos(clock)).manualSchedule().unsyncedStorage()
                .localLink(farm::send).alarmListener(alarms::add).start();
        farm.attach(g);
        farm.advanceTo(clock.instant().plus(span));
        return g;
    }

    private static long nanos(ManualClock clock) {
        return nanos(clock.instant());
    }

    @Test
    void restart_keepsEveryCowsBaseline_andTheFrameCounters(@TempDir Path dir) throws Exception {
        ManualClock clock = ManualClock.of(T0);
        SimulatedFarm farm = SimulatedFarm.of(HerdConfig.of(3, 5, T0, Duration.ofDays(2)), clock);
        Files.createDirectories(dir.resolve("data"));
        try (Database db = Database.open(dir.resolve("data/herdgate.db"))) {
            farm.register(db);
        }
        List<AlarmEvent> alarms = new CopyOnWriteArrayList<>();
        byte[] before;
        try (Gateway g = runFarm(dir, clock, farm, Duration.ofHours(6), alarms)) {
            GatewayStatus s = g.status();
            assertEquals(3, s.pairedCollars());
            assertEquals(3, s.joinedCollars());
            assertEquals(0, s.framesRejected());
            assertEquals(3, s.cows());
            assertTrue(s.observations() >= 3 * 355, "observations " + s.observations());
        }
        List<Long> noncesBefore;
        try (Database db = Database.open(dir.resolve("data/herdgate.db"))) {
            before = Checkpoints.of(db).latest().orElseThrow().snapshot();
            noncesBefore = joinNonces(db, farm);
        }

        clock.advance(Duration.ofMinutes(5));
        // The same collars after a reset of their own: their first join nonce is one the gateway has seen.
        SimulatedFarm reset = SimulatedFarm.of(HerdConfig.of(3, 5, clock.instant(), Duration.ofDays(2)), clock);
        try (Gateway g = Gateway.builder(config(dir)).clock(clock).ticker(() -> nanos(clock)).manualSchedule().unsyncedStorage()
                .localLink(reset::send).alarmListener(alarms::add).start()) {
            assertEquals(3, g.status().cows(), "every cow's detector state is back");
            g.checkpointNow();
            DetectionEngine expected = DetectionEngine.builder().restore(before);
            expected.resumeAt(clock.instant());
            try (Database db = Database.open(dir.resolve("data/herdgate.db"))) {
                assertArrayEquals(expected.snapshot(), Checkpoints.of(db).latest().orElseThrow().snapshot(),
                        "the running state is the state saved at stop, resumed after the gap");
            }

            reset.attach(g);
            reset.advanceTo(clock.instant().plus(Duration.ofMinutes(2)));
            assertEquals(3, g.status().joinedCollars());
            List<Long> noncesAfter = joinNonces(g.database(), farm);
            for (int i = 0; i < 3; i++) {
                assertTrue(noncesAfter.get(i) > noncesBefore.get(i),
                        "the reset collar's first nonce was seen before the restart and refused: " + noncesBefore + " " + noncesAfter);
            }
        }
        assertTrue(alarms.stream().noneMatch(e -> e.alarm().type() == AlarmType.OFFLINE),
                "five minutes down is not an offline collar: " + alarms);
    }

    private static List<Long> joinNonces(Database db, SimulatedFarm farm) {
        SqliteCounterStore counters = SqliteCounterStore.of(db);
        return farm.herd().members().stream()
                .map(m -> counters.load(m.identity().eui(), CounterStream.JOIN).orElseThrow().counter()).toList();
    }

    @Test
    void restartAfterADayDown_raisesNoOfflineAlarmForTheGatewaysOwnGap(@TempDir Path dir) throws Exception {
        ManualClock clock = ManualClock.of(T0);
        SimulatedFarm farm = SimulatedFarm.of(HerdConfig.of(3, 5, T0, Duration.ofDays(3)), clock);
        Files.createDirectories(dir.resolve("data"));
        try (Database db = Database.open(dir.resolve("data/herdgate.db"))) {
            farm.register(db);
        }
        List<AlarmEvent> alarms = new CopyOnWriteArrayList<>();
        runFarm(dir, clock, farm, Duration.ofHours(3), alarms).close();

        clock.advance(Duration.ofDays(1));
        try (Gateway g = Gateway.builder(config(dir)).clock(clock).ticker(() -> nanos(clock)).manualSchedule().unsyncedStorage().start()) {
            clock.advance(Duration.ofMinutes(2));
            g.runSchedule();
            g.runSchedule();
            assertEquals(0, g.status().activeAlarms());
        }
        assertTrue(alarms.isEmpty(), alarms.toString());
    }

    @ParameterizedTest(name = "clock stepped {0} h")
    @ValueSource(ints = {24, -24})
    void clockSteppedWhileRunning_raisesNoAlarmStorm(int hours, @TempDir Path dir) throws Exception {
        ManualClock clock = ManualClock.of(T0);
        SimulatedFarm farm = SimulatedFarm.of(HerdConfig.of(3, 5, T0, Duration.ofDays(2)), clock);
        Files.createDirectories(dir.resolve("data"));
        try (Database db = Database.open(dir.resolve("data/herdgate.db"))) {
            farm.register(db);
        }
        List<AlarmEvent> alarms = new CopyOnWriteArrayList<>();
        // The monotonic source follows the herd (real time), not the gateway's wall clock.
        try (Gateway g = Gateway.builder(config(dir)).clock(clock).ticker(() -> nanos(farm.herd().now()))
                .manualSchedule().unsyncedStorage().localLink(farm::send).alarmListener(alarms::add).start()) {
            farm.attach(g);
            farm.advanceTo(T0.plus(Duration.ofHours(3)));
            long before = g.status().observations();

            farm.stepGatewayClock(Duration.ofHours(hours));
            farm.advanceTo(T0.plus(Duration.ofHours(5)));

            assertEquals(List.of(), alarms, "no offline alarm for a gap that never was");
            assertEquals(3, g.status().joinedCollars(), "no collar had to rejoin");
            if (hours > 0) {
                assertTrue(g.status().observations() >= before + 3 * 115, "observations go on: " + g.status().observations());
            }
        }
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Test
    void submit_afterClose_isRefusedNotThrown(@TempDir Path dir) {
        Gateway g = Gateway.builder(config(dir)).localLink((eui, frame) -> { }).start();
        g.close();
        g.close();
        assertFalse(g.submit(InboundFrame.of(new byte[] {1, 2, 3}, T0)));
    }
}
