package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.health.CollarCounts;
import io.herdgate.gateway.health.FrameCounts;
import io.herdgate.gateway.health.HealthCheck;
import io.herdgate.gateway.health.HealthModule;
import io.herdgate.gateway.health.HealthSources;
import io.herdgate.gateway.health.LinkState;
import io.herdgate.gateway.health.LinkStatus;
import io.herdgate.gateway.http.ApiAuth;
import io.herdgate.gateway.http.ApiToken;
import io.herdgate.gateway.http.HttpServer;
import io.herdgate.gateway.http.HttpSettings;
import io.herdgate.sim.herd.ManualClock;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HealthCommandTest {

    private final ManualClock clock = ManualClock.of(Instant.parse("2026-05-01T06:00:00Z"));
    private final AtomicReference<LinkState> mqtt = new AtomicReference<>(LinkState.UP);
    private HttpServer server;

    @BeforeEach
    void start() {
        HealthCheck check = HealthCheck.of(HealthSources.builder()
                .links(() -> List.of(LinkStatus.of("serial", LinkState.UP), LinkStatus.of("mqtt", mqtt.get())))
                .collars(() -> CollarCounts.of(12, 11))
                .frames(() -> FrameCounts.of(5120, Map.of("bad_mic", 3L, "replay", 1L)))
                .activeAlarms(() -> 1)
                .build(), clock, "0.9.0");
        clock.advance(Duration.ofMinutes(62));
        server = HttpServer.start(HttpSettings.loopbackAnyPort(), ApiAuth.of(ApiToken.random()),
                List.of(HealthModule.of(check)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void health_ok_printsTheSummaryAndExitsZero() {
        Cli cli = Cli.run("health", "--gateway", url());

        assertEquals(0, cli.exit(), cli.err());
        assertEquals("""
                status: ok
                version 0.9.0, up 1 h 2 min
                links: serial up, mqtt up
                collars: 12 seen, 11 online
                frames: 5120 received, 4 rejected (bad_mic 3, replay 1)
                alarms: 1 active; outbox: 0 pending
                """, cli.out().replace("\r\n", "\n"));
    }

    @Test
    void health_degraded_namesTheReasonAndExitsTwo() {
        mqtt.set(LinkState.RECONNECTING);

        Cli cli = Cli.run("health", "--gateway", url());

        assertEquals(2, cli.exit());
        assertTrue(cli.out().startsWith("status: degraded (link mqtt is reconnecting)\n"), cli.out());
    }

    @Test
    void health_json_printsTheGatewaysAnswer() {
        Cli cli = Cli.run("health", "--gateway", url(), "--json");

        assertTrue(cli.out().startsWith("{\"status\":\"ok\",\"reasons\":[],\"uptime_s\":3720,"), cli.out());
    }

    @Test
    void health_nothingListening_failsWithOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        Cli cli = Cli.run("health", "--gateway", "http://127.0.0.1:" + port);

        assertEquals(1, cli.exit());
        assertEquals("herdgate health: gateway not reachable at http://127.0.0.1:" + port
                + " (is it running? check http.port in herdgate.yaml)", cli.err().strip());
        assertTrue(cli.noStackTrace());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>router login</html>", "{\"hello\":1}"})
    void health_fromSomethingElse_saysItIsNotHerdgate(String body) {
        try (HttpServer other = HttpServer.start(HttpSettings.loopbackAnyPort(), ApiAuth.of(ApiToken.random()),
                List.of(app -> app.get("/health", ctx -> ctx.result(body))))) {
            Cli cli = Cli.run("health", "--gateway", "http://127.0.0.1:" + other.port());

            assertEquals(1, cli.exit());
            assertTrue(cli.err().contains("/health (HTTP 200) is not a herdgate health report"), cli.err());
            assertTrue(cli.noStackTrace());
        }
    }
}
