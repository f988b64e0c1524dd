package io.herdgate.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRunTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    /**
     * Unexplained alarms of the default story run (deterministic), each explained in BENCHMARKS.md "Demo story": 2 calvings
     * on day 3, each judged against a single usual day (4 before the simulator's grazing and lying bouts were mended).
     */
    private static final int MOST_UNEXPLAINED = 2;

    @Test
    void run_smallHerd_throughTheRealGateway_everyFrameAccepted_andEveryCowObservedEveryMinute(@TempDir Path dir) {
        DemoSettings s = DemoSettings.of(2, Duration.ofHours(3), "", 11, START).withDataDir(dir.resolve("data"));
        List<Instant> progress = new ArrayList<>();
        List<String> health = new ArrayList<>();

        DemoReport r = DemoRun.of(s, e -> { }, progress::add).run((g, phone) -> health.add(get(g.httpPort())));

        assertEquals(0, r.framesRejected());
        assertTrue(r.framesAccepted() > 2 * 3 * 3600 / 10, "frames " + r.framesAccepted());
        // both collars join within the first minute and then deliver every minute
        assertTrue(r.observations() >= 2 * 177 && r.observations() <= 2 * 180, "observations " + r.observations());
        assertEquals(List.of(Instant.parse("2026-03-02T01:00:00Z"), Instant.parse("2026-03-02T02:00:00Z"),
                Instant.parse("2026-03-02T03:00:00Z")), progress);
        assertTrue(r.alarms().isEmpty(), "a quiet herd raises nothing in three hours: " + r.alarms());
        assertTrue(health.get(0).startsWith("{\"status\":\"ok\""), health.toString());
        assertTrue(health.get(0).contains("\"links\":[{\"name\":\"simulated-herd\",\"state\":\"up\""), health.toString());
        assertTrue(Files.exists(dir.resolve("data/herdgate.db")), "the data directory given is kept");
    }

    @Test
    void run_radioLoss_offlineAlarmReachesTheFarmersPhoneThroughOutboxAndWhatsApp() {
        DemoSettings s = DemoSettings.of(2, Duration.ofHours(18), "radio_loss:#1", 5, START);
        List<String> pages = new ArrayList<>();

        DemoReport r = DemoRun.of(s, e -> { }, t -> { }).run((g, phone) -> pages.add(phone.toString()));

        assertTrue(r.alarms().stream().anyMatch(a -> a.type() == AlarmType.OFFLINE), r.alarms().toString());
        assertTrue(r.messages() >= 1, "messages " + r.messages());
        assertTrue(pages.get(0).matches("http://127\\.0\\.0\\.1:\\d+/phone"), pages.toString());
    }

    @Test
    void run_story_everyInjectedEventButCalvingRaisesItsAlarmThroughTheRealDetectors_andTheUnexplainedAlarmsAreTheKnownEarlyCalvings() {
        DemoSettings s = DemoSettings.of(6, Duration.ofHours(5 * 24 + 12), DemoSettings.STORY, 7, START);
        DemoRun run = DemoRun.of(s, e -> { }, t -> { });

        DemoReport r = run.run((g, phone) -> { });

        r.outcomes().forEach(o -> System.out.println("demo story: cow " + o.cow() + " " + o.episode() + " -> "
                + o.alarm().map(a -> a.type().jsonName() + " at " + a.raisedAt()).orElse("MISSED")));
        r.unexplained().forEach(a -> System.out.println("demo unexplained: cow " + a.cow() + " " + a.type().jsonName()
                + " at " + a.raisedAt()));
        assertEquals(6, r.outcomes().size(), r.outcomes().toString());
        for (EventOutcome o : r.outcomes()) {
            // Known limit of the detector, not of the simulated cow: without rumination the calving score rests on the
            // lying bouts. The gateway reads the calving cow's last day like the calving recordings (1.8 times the
            // lying bouts, 0.6 times as long, 2.1 times the usual 16-h bout rate at the birth), but with 4 usual days
            // the bout unit widens to her spread of 4-h bout lengths (about 65 % of the usual bout), so the score
            // peaks just under 1 for two hours at the birth (BENCHMARKS.md, Demo story; rules/DETECTORS.md,
            // "Which collars can detect calving").
            if (o.expected() != AlarmType.CALVING) {
                assertTrue(o.alarm().isPresent(), o.episode() + " on cow " + o.cow() + " raised no " + o.expected().jsonName());
            }
        }
        // The unexplained alarms are calvings judged on a single usual day in the first days (BENCHMARKS.md,
        // Demo story, lists each with its cause); never a heat, cow down, fallen collar, silence or illness.
        assertTrue(r.unexplained().stream().allMatch(a -> a.type() == AlarmType.CALVING), r.unexplained().toString());
        assertTrue(r.unexplained().size() <= MOST_UNEXPLAINED, r.unexplained().size() + " unexplained alarms, at most "
                + MOST_UNEXPLAINED + " expected: " + r.unexplained());
        List<Alarm> afterWarmUp = r.unexplained().stream().filter(a -> !a.raisedAt().isBefore(run.warmupEnd())).toList();
        assertEquals(List.of(), afterWarmUp, "alarms after the warm-up that no injected event explains");
        String fallenCollarCow = r.outcomes().stream().filter(o -> o.expected() == AlarmType.COLLAR_OFF)
                .findFirst().orElseThrow().cow().toString();
        assertTrue(r.alarms().stream().noneMatch(a -> a.type() == AlarmType.NO_MOTION && a.cow().value().equals(fallenCollarCow)),
                "the fallen collar must not page as cow down: " + r.alarms());
    }

    @Test
    void run_temporaryDataDir_isDeletedAtTheEnd() {
        DemoReport r = DemoRun.of(DemoSettings.of(1, Duration.ofHours(1), "", 3, START), e -> { }, t -> { }).run((g, phone) -> { });
        assertFalse(Files.exists(r.dataDir()), r.dataDir().toString());
    }

    @Test
    void run_nonEmptyDataDir_isRefusedBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("something"), "x");
        DemoRun run = DemoRun.of(DemoSettings.of(1, Duration.ofHours(1), "", 3, START).withDataDir(dir), e -> { }, t -> { });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.run((g, phone) -> { }));
        assertEquals("data directory " + dir + " is not empty; the demo needs a new or empty one", e.getMessage());
    }

    @Test
    void settings_outOfRange_areRefusedWithTheAllowedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemoSettings.of(0, Duration.ofDays(1), "", 1, Instant.EPOCH));
        assertEquals("cows must be 1..2000, got 0", e.getMessage());
    }

    private static String get(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
