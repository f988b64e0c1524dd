package io.herdgate.rules.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Splitting the input anywhere and resuming from a snapshot gives exactly the events of one run. */
class SnapshotSplitTest {

    /** Three cows, 15-min data over 20 days with heats, still spells, gaps, collar off and a dying battery. */
    static List<Observation> herd(long seed) {
        Random r = new Random(seed);
        List<Observation> out = new ArrayList<>();
        Instant t0 = Instant.parse("2024-03-01T00:00:00Z");
        Duration q = Duration.ofMinutes(15);
        for (int i = 0; i < 20 * 96; i++) {
            Instant t = t0.plus(q.multipliedBy(i));
            for (int c = 0; c < 3; c++) {
                if (r.nextDouble() < 0.03) {
                    continue; // radio loss
                }
                int hour = (i / 4) % 24;
                double base = 10 + 8 * Math.sin(hour / 24.0 * 2 * Math.PI);
                boolean heat = (i / 96) % 7 == 5 + c % 2 && hour >= 6 && hour < 18;
                boolean down = c == 2 && i > 1200 && i < 1240;
                double act = down ? 0 : base * (heat ? 3 : 1) * (0.7 + 0.6 * r.nextDouble());
                out.add(Observation.builder(CowId.of("cow" + c), t, q)
                        .activity(act).motionIndex(act).ruminationMin(r.nextInt(8))
                        .lyingBouts(r.nextDouble() < 0.1 ? 1 : 0)
                        .accelVarG2(c == 1 && i > 900 && i < 1000 ? 1e-7 : 0.01).pitchDeg(10)
                        .batteryMv(3700 - i * 0.2).build());
            }
        }
        return out;
    }

    private static List<AlarmEvent> runWhole(List<Observation> obs) {
        List<AlarmEvent> events = new ArrayList<>();
        DetectionEngine e = DetectionEngine.builder().listener(events::add).build();
        obs.forEach(e::accept);
        return events;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void resumeFromSnapshot_atRandomSplitPoints_givesTheSameEvents(long seed) {
        List<Observation> obs = herd(seed);
        List<AlarmEvent> whole = runWhole(obs);
        assertTrue(whole.size() > 5, "the fixture must raise alarms: " + whole.size());
        Random r = new Random(seed * 7919);
        for (int trial = 0; trial < 20; trial++) {
            int a = r.nextInt(obs.size());
            int b = a + r.nextInt(obs.size() - a);
            List<AlarmEvent> events = new ArrayList<>();
            DetectionEngine e = DetectionEngine.builder().listener(events::add).build();
            for (int i = 0; i < obs.size(); i++) {
                if (i == a || i == b) {
                    e = DetectionEngine.builder().listener(events::add).restore(e.snapshot());
                }
                e.accept(obs.get(i));
            }
            assertEquals(whole, events, "split at " + a + " and " + b);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void withoutBaselineCache_resumedMidway_givesTheEventsOfACachedRun(long seed) {
        List<Observation> obs = herd(seed);
        List<AlarmEvent> whole = runWhole(obs);
        assertTrue(whole.stream().anyMatch(ev -> ev.alarm().type() == AlarmType.HEAT),
                "the fixture must raise heats, which read the pooled baselines: " + whole);
        List<AlarmEvent> events = new ArrayList<>();
        DetectionEngine.Builder uncached = DetectionEngine.builder().listener(events::add).baselineCache(false);
        DetectionEngine e = uncached.build();
        for (int i = 0; i < obs.size(); i++) {
            if (i == obs.size() / 2) {
                e = uncached.restore(e.snapshot());
            }
            e.accept(obs.get(i));
        }
        assertEquals(whole, events);
    }

    @Test
    void stateBytes_perCow_stayUnder4KiB() {
        // The ring of 7 baseline days plus the longest window (193 hours) at 4 measures x 4 bytes: 3.1 KB.
        DetectionEngine e = DetectionEngine.builder().build();
        herd(9).forEach(e::accept);
        for (CowId cow : e.cows()) {
            int bytes = e.stateBytes(cow);
            assertTrue(bytes > 3 * 1024 && bytes <= 4 * 1024, cow + ": " + bytes);
        }
    }

    /**
     * {@code snapshot-v3.bin.gz} (running totals in doubles) and {@code snapshot-v5.bin.gz} (float sums and
     * char seconds): an engine of that layout after the first half of {@code herd(1)}, written by the
     * detectors of its day. Restored and fed the second half, it finds the heats of one run on the same
     * cows and days: they rest on the seven days of baseline the old ring carried over (the exact ring
     * conversions are {@code HourlyBinsTest}'s).
     */
    @ParameterizedTest
    @ValueSource(strings = {"snapshot-v3.bin.gz", "snapshot-v5.bin.gz"})
    void restore_ofAnOlderVersion_keepsTheBaselinesForTheNextHeats(String fixture) throws IOException {
        List<Observation> obs = herd(1);
        int half = obs.size() / 2;
        Instant resumedAt = obs.get(half).start();
        List<String> expected = heatDays(runWhole(obs), resumedAt);
        assertTrue(expected.size() >= 3, "the second half must raise heats: " + expected);

        List<AlarmEvent> events = new ArrayList<>();
        DetectionEngine resumed;
        try (InputStream in = new GZIPInputStream(SnapshotSplitTest.class.getResourceAsStream(fixture))) {
            resumed = DetectionEngine.builder().listener(events::add).restore(in);
        }
        assertEquals(List.of(CowId.of("cow0"), CowId.of("cow1"), CowId.of("cow2")), resumed.cows());
        obs.subList(half, obs.size()).forEach(resumed::accept);
        assertEquals(expected, heatDays(events, resumedAt));
    }

    private static List<String> heatDays(List<AlarmEvent> events, Instant from) {
        return events.stream()
                .filter(e -> e instanceof AlarmEvent.Raised && e.alarm().type() == AlarmType.HEAT && !e.alarm().raisedAt().isBefore(from))
                .map(e -> e.alarm().cow().value() + " " + e.alarm().raisedAt().toString().substring(0, 10))
                .sorted() // which cows on which days, not their order within a day
                .toList();
    }

    @Test
    void restore_ofAFutureVersion_namesTheSupportedVersions() {
        byte[] snapshot = DetectionEngine.builder().build().snapshot();
        snapshot[7] = 99; // version, big-endian int after the magic
        SnapshotException ex = assertThrows(SnapshotException.class, () -> DetectionEngine.builder().restore(snapshot));
        assertEquals("snapshot version 99 is not supported; supported: 3 to 6", ex.getMessage());
    }

    @Test
    void restore_ofForeignBytes_isRejectedWithSnapshotException() {
        SnapshotException ex = assertThrows(SnapshotException.class,
                () -> DetectionEngine.builder().restore(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertFalse(ex.getMessage().isBlank());
    }
}
