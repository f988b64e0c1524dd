package io.herdgate.rules.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.support.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import io.herdgate.rules.feature.SampleRate;
import io.herdgate.rules.feature.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

    @Test
    void replay_heatActivity_detectsTwoHourBlocksForEveryCowAndRaisesHeats() throws Exception {
        ReplayResult r = Replay.of(SharedData.dir("heat").resolve("activity_2h.csv")).run(List.of(Rules.defaults()));
        assertEquals(17_544, r.stats().rowsRead());
        assertEquals(0, r.stats().rowsSkipped());
        assertEquals(60, r.stats().cows()); // 5045 has a single block: her interval cannot be told
        assertEquals(Map.of(Duration.ofHours(2), 60), r.stats().intervals());
        assertEquals(1, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).startsWith("cow 5045: 1 row(s)"), r.notes().get(0));
        List<Alarm> heats = r.alarms().get(0).stream().filter(a -> a.type() == AlarmType.HEAT).toList();
        assertFalse(heats.isEmpty());
    }

    @Test
    void replay_withGivenInterval_replaysTheSingleRowCowToo() throws Exception {
        ReplayResult r = Replay.of(SharedData.dir("heat").resolve("activity_2h.csv")).interval(Duration.ofHours(2))
                .run(List.of(Rules.defaults()));
        assertEquals(61, r.stats().cows());
        assertTrue(r.stats().describeIntervals().endsWith("from --interval"));
    }

    @Test
    void replay_sameRowsSortedByTime_giveTheSameAlarmsAsGroupedByCow(@TempDir Path dir) throws Exception {
        Path grouped = SharedData.dir("heat").resolve("activity_2h.csv");
        List<String> lines = Files.readAllLines(grouped);
        List<String> cowOrder = lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().toList();
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        rows.sort(Comparator.comparing((String l) -> l.split(",")[1]).thenComparing(l -> cowOrder.indexOf(l.split(",")[0])));
        rows.add(0, lines.get(0));
        Path byTime = Files.write(dir.resolve("by-time.csv"), rows);
        ReplayResult a = Replay.of(grouped).run(List.of(Rules.defaults()));
        ReplayResult b = Replay.of(byTime).run(List.of(Rules.defaults()));
        assertEquals(1, b.stats().partitions());
        assertEquals(a.alarms(), b.alarms());
        assertEquals(a.stats().cowDays(), b.stats().cowDays());
    }

    @Test
    void replay_crlfBomAndBlankLines_areRead(@TempDir Path dir) throws Exception {
        String text = "\uFEFFcow,timestamp,activity\r\n" + "a,2020-01-01T00:00:00,1\r\n\r\n" + "a,2020-01-01T02:00:00,2\r\n"
                + "b,2020-01-01T00:00:00,3\r\n" + "b,2020-01-01T02:00:00,\r\n" + "b,2020-01-01T04:00:00,4";
        Path f = Files.writeString(dir.resolve("in.csv"), text);
        ReplayResult r = Replay.of(f).run(List.of(Rules.defaults()));
        assertEquals(5, r.stats().rowsRead());
        assertEquals(0, r.stats().rowsSkipped());
        assertEquals(2, r.stats().cows());
        assertEquals(Map.of(Duration.ofHours(2), 2), r.stats().intervals());
    }

    @Test
    void replay_lyingLongerThanTheInterval_isABadRow(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("in.csv"), "cow,timestamp,lying_min\n"
                + "a,2020-01-01T00:00,1\na,2020-01-01T00:01,2\na,2020-01-01T00:02,1\n");
        ReplayResult r = Replay.of(f).run(List.of(Rules.defaults()));
        assertEquals(1, r.stats().rowsSkipped());
        assertEquals(f + ":3: lying_min: 2 is more than the row interval of cow a (1 min)", r.problems().get(0).toString());
    }

    @Test
    void replay_rawSamplesWithoutRate_isRefusedWithAClearReason(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("raw.csv"), "cow,timestamp,ax,ay,az\n1,2020-01-01T00:00:00,0,0,1\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> Replay.of(f).run(List.of(Rules.defaults())));
        assertTrue(e.getMessage().startsWith(f + ":1: raw accelerometer input"), e.getMessage());
    }

    @Test
    void replay_rawSamplesWithAGap_restartTheMinuteAtTheGap(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("cow,timestamp,ax,ay,az\n");
        java.time.Instant t = java.time.Instant.parse("2020-01-01T00:00:00Z");
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 10 * 60 * 5; i++) { // 5 min at 10 Hz, then a 10 min gap, then 3 min
            java.time.Instant at = t.plusMillis(100L * i);
            csv.append("c,").append(i < 2500 ? at : at.plusSeconds(600)).append(',').append(rnd.nextDouble())
                    .append(',').append(rnd.nextDouble()).append(",9.8\n");
        }
        Path f = Files.writeString(dir.resolve("raw.csv"), csv);
        ReplayResult r = Replay.of(f).rawSamples(RawSamples.of(SampleRate.ofHz(10), Unit.MS2)).run(List.of(Rules.defaults()));
        assertEquals(3000, r.stats().rowsRead());
        // 2500 samples = 4 whole minutes before the gap, 500 samples = no whole minute after it
        assertEquals(4 / 1440.0, r.stats().cowDays(), 1e-12);
    }
}
