package io.herdgate.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herdgate.gateway.http.ApiAuth;
import io.herdgate.gateway.http.ApiToken;
import io.herdgate.gateway.http.HttpServer;
import io.herdgate.gateway.http.HttpSettings;
import io.herdgate.gateway.metrics.MetricRegistry;
import io.herdgate.gateway.metrics.MetricsModule;
import io.herdgate.sim.herd.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthEndpointsTest {

    private final ManualClock clock = ManualClock.of(Instant.parse("2026-05-01T06:00:00Z"));
    private final AtomicBoolean started = new AtomicBoolean(true);
    private final AtomicReference<LinkState> mqtt = new AtomicReference<>(LinkState.UP);
    private final MetricRegistry registry = MetricRegistry.create();
    private HttpServer server;

    @BeforeEach
    void start() {
        HealthCheck check = HealthCheck.of(HealthSources.builder()
                .started(started::get)
                .links(() -> List.of(LinkStatus.of("serial", LinkState.UP), LinkStatus.of("mqtt", mqtt.get())))
                .collars(() -> CollarCounts.of(3, 2))
                .frames(() -> FrameCounts.of(100, Map.of("bad_mic", 4L, "replay", 1L)))
                .activeAlarms(() -> 2)
                .outboxPending(() -> 1)
                .build(), clock, "0.9.0");
        registry.register(HealthMetrics.of(check));
        HealthMetrics.frameToAlarmLatency(registry);
        server = HttpServer.start(HttpSettings.loopbackAnyPort(), ApiAuth.of(ApiToken.random()),
                List.of(HealthModule.of(check), MetricsModule.of(registry)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_withoutToken_isJsonWithEveryField() throws Exception {
        clock.advance(Duration.ofSeconds(90));

        HttpResponse<String> r = get("/health");
        JsonNode json = new ObjectMapper().readTree(r.body());

        assertEquals(200, r.statusCode());
        assertEquals("ok", json.get("status").asText());
        assertEquals(90, json.get("uptime_s").asLong());
        assertEquals("0.9.0", json.get("version").asText());
        assertEquals("mqtt", json.get("links").get(1).get("name").asText());
        assertEquals("up", json.get("links").get(1).get("state").asText());
        assertEquals(3, json.get("collars").get("seen").asLong());
        assertEquals(2, json.get("collars").get("online").asLong());
        assertEquals(100, json.get("frames").get("received").asLong());
        assertEquals(4, json.get("frames").get("rejected").get("bad_mic").asLong());
        assertEquals(2, json.get("alarms").get("active").asLong());
        assertEquals(1, json.get("outbox").get("pending").asLong());
    }

    @Test
    void health_whileStarting_is503_andDegradedIs200WithReasons() throws Exception {
        started.set(false);
        HttpResponse<String> starting = get("/health");
        started.set(true);
        mqtt.set(LinkState.DOWN);
        HttpResponse<String> degraded = get("/health");

        assertEquals(503, starting.statusCode());
        assertEquals("starting", new ObjectMapper().readTree(starting.body()).get("status").asText());
        assertEquals(200, degraded.statusCode());
        JsonNode json = new ObjectMapper().readTree(degraded.body());
        assertEquals("degraded", json.get("status").asText());
        assertEquals("link mqtt is down", json.get("reasons").get(0).asText());
    }

    @Test
    void metrics_withoutToken_isPrometheusTextWithTheHealthNumbersAndTheLatencyHistogram() throws Exception {
        HealthMetrics.frameToAlarmLatency(registry).observe(0.003);
        HealthMetrics.frameToAlarmLatency(registry).observe(0.2);
        mqtt.set(LinkState.RECONNECTING);

        HttpResponse<String> r = get("/metrics");
        String text = r.body();

        assertEquals(200, r.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        for (String line : List.of(
                "# TYPE herdgate_frames_received_total counter",
                "herdgate_frames_received_total 100",
                "herdgate_frames_rejected_total{reason=\"bad_mic\"} 4",
                "herdgate_frames_rejected_total{reason=\"replay\"} 1",
                "herdgate_collars_seen 3",
                "herdgate_collars_online 2",
                "herdgate_alarms_active 2",
                "herdgate_outbox_pending 1",
                "herdgate_link_up{link=\"mqtt\"} 0",
                "herdgate_link_up{link=\"serial\"} 1",
                "herdgate_health_status{status=\"degraded\"} 1",
                "herdgate_health_status{status=\"ok\"} 0",
                "herdgate_build_info{version=\"0.9.0\"} 1",
                "# TYPE herdgate_frame_to_alarm_seconds histogram",
                "herdgate_frame_to_alarm_seconds_bucket{le=\"0.0025\"} 0",
                "herdgate_frame_to_alarm_seconds_bucket{le=\"0.005\"} 1",
                "herdgate_frame_to_alarm_seconds_bucket{le=\"0.25\"} 2",
                "herdgate_frame_to_alarm_seconds_bucket{le=\"+Inf\"} 2",
                "herdgate_frame_to_alarm_seconds_sum 0.203",
                "herdgate_frame_to_alarm_seconds_count 2")) {
            assertTrue(text.lines().anyMatch(line::equals), "missing line: " + line + "\n" + text);
        }
    }
}
