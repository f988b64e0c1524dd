package io.herdgate.rules.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    @Test
    void stateBytes_perCow_stayUnder16KiB() {
        DetectionEngine e = DetectionEngine.builder().build();
        herd(9).forEach(e::accept);
        for (CowId cow : e.cows()) {
            int bytes = e.stateBytes(cow);
            assertTrue(bytes > 0 && bytes <= 16 * 1024, cow + ": " + bytes);
        }
    }

    @Test
    void restore_ofForeignBytes_isRejectedWithSnapshotException() {
        SnapshotException ex = assertThrows(SnapshotException.class,
                () -> DetectionEngine.builder().restore(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertFalse(ex.getMessage().isBlank());
    }
}
