package io.herdgate.rules.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.params.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

    @Test
    void replay_heatActivity_detectsTwoHourBlocksForEveryCowAndRaisesHeats() throws Exception {
        ReplayResult r = Replay.of(SharedData.file("heat/activity_2h.csv")).run(List.of(Rules.defaults()));
        assertEquals(17_544, r.stats().rowsRead());
        assertEquals(0, r.stats().rowsSkipped());
        assertEquals(60, r.stats().cows()); // 5045 has a single block: her interval cannot be told
        assertEquals(Map.of(Duration.ofHours(2), 60), r.stats().intervals());
        assertEquals(1, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).startsWith("cow 5045: 1 row(s)"), r.notes().get(0));
        List<Alarm> heats = r.alarms().get(0).stream().filter(a -> a.type() == AlarmType.HEAT).toList();
        assertFalse(heats.isEmpty());
        System.out.println(r.stats() + " alarms " + r.alarms().get(0).size() + " heats " + heats.size());
    }

    @Test
    void replay_withGivenInterval_replaysTheSingleRowCowToo() throws Exception {
        ReplayResult r = Replay.of(SharedData.file("heat/activity_2h.csv")).interval(Duration.ofHours(2))
                .run(List.of(Rules.defaults()));
        assertEquals(61, r.stats().cows());
        assertTrue(r.stats().describeIntervals().endsWith("from --interval"));
    }

    @Test
    void replay_rawSamples_isRefusedWithAClearReason(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("raw.csv"), "cow,timestamp,ax,ay,az\n1,2020-01-01T00:00:00,0,0,1\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> Replay.of(f).run(List.of(Rules.defaults())));
        assertTrue(e.getMessage().startsWith(f + ":1: raw accelerometer input"), e.getMessage());
    }
}
