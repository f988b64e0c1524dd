package io.herdgate.gateway.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.http.ApiAuth;
import io.herdgate.gateway.http.ApiToken;
import io.herdgate.gateway.http.HttpServer;
import io.herdgate.gateway.http.HttpSettings;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.AlarmLog;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.FeatureHistory;
import io.herdgate.gateway.store.FlushPolicy;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import io.herdgate.sim.herd.ManualClock;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredAlarmChartTest {

    private static final CowId DAISY = CowId.of("7019");
    private static final ZoneId FARM = ZoneId.of("Europe/Berlin");
    /** Heat from 02:00 to 10:00 UTC on day 8; raised at 05:00 after 3 h above the threshold. */
    private static final Instant DAY0 = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant HEAT_START = DAY0.plus(Duration.ofDays(8)).plus(Duration.ofHours(2));
    private static final Instant HEAT_END = HEAT_START.plus(Duration.ofHours(8));
    private static final Instant RAISED = HEAT_START.plus(Duration.ofHours(3));

    @TempDir
    static Path dir;

    private static final ManualClock clock = ManualClock.of(DAY0);
    private static Database db;
    private static AlarmLog log;
    private static StoredAlarmChart charts;

    /** Once for all tests: nine days of minutes are some 13,000 rows. Each test records the alarm state it needs. */
    @BeforeAll
    static void storeNineDaysOfDaisy() {
        db = Database.open(dir.resolve("gateway.db"));
        log = AlarmLog.of(db);
        FeatureHistory history = FeatureHistory.of(db, FlushPolicy.of(Duration.ofHours(1), 2_000), clock);
        for (Instant t = DAY0; t.isBefore(HEAT_END.plus(Duration.ofHours(4))); t = t.plusSeconds(60)) {
            int hourOfDay = (int) ((t.getEpochSecond() / 3600) % 24);
            double normal = 8 + 4 * Math.sin(hourOfDay / 24.0 * 2 * Math.PI);
            boolean inHeat = !t.isBefore(HEAT_START) && t.isBefore(HEAT_END);
            history.append(Observation.builder(DAISY, t, Duration.ofMinutes(1)).activity(inHeat ? 3 * normal : normal)
                    .build());
        }
        history.flush();
        clock.set(HEAT_END.plus(Duration.ofHours(4)));
        charts = StoredAlarmChart.of(log, history, Rules.defaults(), ChartSettings.defaults(FARM), clock);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static AlarmId heat(boolean cleared) {
        Alarm a = Alarm.of(DAISY, AlarmType.HEAT, RAISED, Severity.WARNING, Explanation.of("activity_10h", 30,
                OptionalDouble.of(10), 18, Duration.ofHours(3), Map.of()));
        return log.record(cleared ? a.clearedAt(HEAT_END) : a);
    }

    @Test
    void chart_ofAStoredAlarm_isAPngOfTheConfiguredSize() throws IOException {
        Png png = charts.chart(heat(true)).orElseThrow();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        assertNotNull(image, "ImageIO could not decode the PNG");
        assertEquals(ChartSettings.DEFAULT_WIDTH, image.getWidth());
        assertEquals(ChartSettings.DEFAULT_HEIGHT, image.getHeight());
        assertEquals(image.getWidth(), png.width());
        assertTrue(png.length() > 10_000 && png.length() < 300_000, "PNG size is " + png.length() + " bytes");
    }

    @Test
    void chart_ofAnUnknownAlarm_isEmpty() {
        assertTrue(charts.chart(AlarmId.of(99)).isEmpty());
    }

    @Test
    void alarmWindow_isShaded_andTheRestOfThePlotIsNot() throws IOException {
        AlarmId id = heat(true);
        ChartData data = charts.data(log.find(id).orElseThrow().alarm());
        ChartData.Marked marked = data.alarm();
        assertEquals(HEAT_START, marked.windowStart(), "the window starts when the condition began");
        assertEquals(HEAT_END, marked.windowEnd());
        ActivityChart.Drawn drawn = new ActivityChart(ChartSettings.defaults(FARM)).draw(data);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(charts.chart(id).orElseThrow().bytes()));

        int inside = drawn.x(HEAT_START.plus(Duration.ofHours(4)));
        int before = drawn.x(HEAT_START.minus(Duration.ofHours(6)));
        int after = drawn.x(HEAT_END.plus(Duration.ofHours(2)));

        assertTrue(amberPixels(decoded, inside, drawn) > 8, "the alarm window is shaded");
        assertEquals(0, amberPixels(decoded, before, drawn), "no shade before the window");
        assertEquals(0, amberPixels(decoded, after, drawn), "no shade after the window");
    }

    @Test
    void activeAlarm_isShadedUpToTheEndOfTheAxis() {
        ChartData data = charts.data(log.find(heat(false)).orElseThrow().alarm());

        assertEquals(data.to(), data.alarm().windowEnd());
        assertEquals(Duration.ofHours(48), Duration.between(data.from(), data.to()));
        assertTrue(!data.to().isBefore(clock.instant()), "the axis reaches now");
    }

    @Test
    void heatHours_standAboveTheBaseline_andOtherHoursOnIt() {
        ChartData data = charts.data(log.find(heat(true)).orElseThrow().alarm());

        for (ActivityHour h : data.hours()) {
            boolean inHeat = !h.start().isBefore(HEAT_START) && h.start().isBefore(HEAT_END);
            if (Double.isNaN(h.activity())) {
                continue;
            }
            double ratio = h.activity() / h.baseline();
            assertEquals(inHeat ? 3 : 1, ratio, 0.01, "hour " + h.start());
        }
    }

    @Test
    void chartApi_servesThePng_behindTheToken_and404ForAnUnknownAlarm() throws Exception {
        AlarmId id = heat(true);
        ApiToken token = ApiToken.random();
        try (HttpServer server = HttpServer.start(HttpSettings.loopbackAnyPort(), ApiAuth.of(token),
                List.of(ChartApi.of(charts)))) {
            HttpClient http = HttpClient.newHttpClient();
            java.util.function.Function<String, HttpRequest> get = path -> HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + path))
                    .header("Authorization", "Bearer " + token.reveal()).build();

            HttpResponse<byte[]> ok = http.send(get.apply("/api/alarms/" + id + "/chart.png"), BodyHandlers.ofByteArray());
            assertEquals(200, ok.statusCode());
            assertEquals("image/png", ok.headers().firstValue("Content-Type").orElseThrow());
            assertNotNull(ImageIO.read(new ByteArrayInputStream(ok.body())));

            assertEquals(404, http.send(get.apply("/api/alarms/999/chart.png"), BodyHandlers.ofString()).statusCode());
            HttpResponse<String> bad = http.send(get.apply("/api/alarms/abc/chart.png"), BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("whole number"), bad.body());
            assertEquals(401, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/alarms/" + id + "/chart.png")).build(), BodyHandlers.ofString()).statusCode());
        }
    }

    /** Pixels in a 10-pixel column strip just below the top of the plot whose colour is the window's amber. */
    private static int amberPixels(BufferedImage image, int x, ActivityChart.Drawn drawn) {
        int n = 0;
        for (int y = drawn.dataArea().y + 2; y < drawn.dataArea().y + 12; y++) {
            int rgb = image.getRGB(x, y);
            int r = (rgb >> 16) & 0xff;
            int b = rgb & 0xff;
            if (r - b > 40) {
                n++;
            }
        }
        return n;
    }
}
