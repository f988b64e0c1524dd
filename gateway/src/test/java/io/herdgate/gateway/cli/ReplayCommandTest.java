package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("heat", "illness", "calving", "no_motion", "collar_off", "offline", "battery");

    @Test
    void replay_heatData_writesOneJsonAlarmPerLineAndASummary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("alarms.jsonl");
        Cli r = Cli.run("replay", "--input", SharedData.file("heat/activity_2h.csv").toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            assertTrue(line.startsWith("{\"cow\":") && line.endsWith("}"), line);
            JsonNode a = JSON.readTree(line);
            assertTrue(a.get("cow").isTextual(), line);
            assertTrue(TYPES.contains(a.get("type").asText()), line);
            assertTrue(a.get("at").asText().endsWith("Z"), line);
            assertTrue(a.has("severity") && a.has("explanation"), line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"type\":\"heat\"")));
        assertTrue(r.err().contains("17544 rows read, 0 skipped; 60 cows"), r.err());
        assertTrue(r.err().contains("interval: 2 h (60 cows), detected per cow"), r.err());
        assertTrue(r.err().contains("alarms per 100 cow-days: heat "), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"icetag_516b_2.csv", "icetag_678_2.csv", "icetag_691b_1.csv", "icetag_759a_3.csv"})
    void replay_healthyMinuteData_raisesNoCowDownAlarm(String file, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("alarms.jsonl");
        Cli r = Cli.run("replay", "--input", SharedData.file("minute/" + file).toString(), "--out", out.toString(),
                "--zone", "Europe/Zurich");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("interval: 1 min (1 cow), detected per cow"), r.err());
        assertTrue(r.err().contains("ignored columns: standing_min"), r.err());
        assertEquals(1, r.err().split("ignored columns").length - 1, "ignored columns named once");
        assertTrue(Files.readAllLines(out).stream().noneMatch(l -> l.contains("\"type\":\"no_motion\"")));
    }

    @Test
    void replay_twice_writesTheSameBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        String input = SharedData.file("heat/activity_2h.csv").toString();
        assertEquals(0, Cli.run("replay", "--input", input, "--out", a.toString(), "--threads", "1").exit());
        assertEquals(0, Cli.run("replay", "--input", input, "--out", b.toString(), "--threads", "4").exit());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void replay_badRows_areNamedByLineSkippedAndCounted(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), """
                cow,timestamp,activity
                1,2020-01-01T00:00:00,10
                1,yesterday,10
                1,2020-01-01T04:00:00,-5
                1,2020-01-01T06:00:00,12
                1,2020-01-01T02:00:00,12
                """);
        Cli r = Cli.run("replay", "--input", in.toString(), "--out", dir.resolve("o.jsonl").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains(in + ":3: timestamp: 'yesterday' is not ISO-8601"), r.err());
        assertTrue(r.err().contains(in + ":4: activity: '-5' is not a number >= 0"), r.err());
        assertTrue(r.err().contains(in + ":6: timestamp: 2020-01-01T02:00:00Z is not after the previous row of cow 1"), r.err());
        assertTrue(r.err().contains("5 rows read, 3 skipped; 1 cows"), r.err());
        assertTrue(r.noStackTrace());
    }

    @Test
    void replay_strict_stopsAtTheFirstBadRowWithExitOne(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), "cow,timestamp,activity\n1,2020-01-01T00:00:00,10\n1,x,1\n1,y,2\n");
        Path out = dir.resolve("o.jsonl");
        Cli r = Cli.run("replay", "--input", in.toString(), "--out", out.toString(), "--strict");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains(in + ":3: timestamp: 'x'"), r.err());
        assertFalse(r.err().contains(in + ":4:"), r.err());
        assertFalse(Files.exists(out));
        assertTrue(r.noStackTrace());
    }

    @Test
    void replay_missingColumnsOrFile_isOneClearLine(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), "animal,time,activity\n1,2020-01-01T00:00:00,10\n");
        Cli r = Cli.run("replay", "--input", in.toString(), "--out", dir.resolve("o.jsonl").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(in + ":1: the header needs the columns 'cow' and 'timestamp'; found animal,time,activity"), r.err());
        Cli missing = Cli.run("replay", "--input", dir.resolve("nope.csv").toString(), "--out", dir.resolve("o.jsonl").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("nope.csv: no such file"), missing.err());
        assertTrue(r.noStackTrace() && missing.noStackTrace());
    }

    @Test
    void replay_badZoneOrInterval_isAUsageErrorNamingTheAllowedForms(@TempDir Path dir) {
        Cli zone = Cli.run("replay", "--input", "x.csv", "--out", dir.resolve("o.jsonl").toString(), "--zone", "Mars/Base");
        assertEquals(2, zone.exit());
        assertTrue(zone.err().contains("'Mars/Base' is not a time zone; use a region id such as Europe/Zurich"), zone.err());
        Cli interval = Cli.run("replay", "--input", "x.csv", "--out", dir.resolve("o.jsonl").toString(), "--interval", "5x");
        assertEquals(2, interval.exit());
        assertTrue(interval.err().contains("'5x' is not a duration; use e.g. 1min, 15min, 2h, 1d or PT15M"), interval.err());
        assertTrue(zone.noStackTrace() && interval.noStackTrace());
    }

    @Test
    void replay_invalidRules_printsTheirErrorsAndReplaysNothing(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("r.yaml"), "herd:\n  heat:\n    rise_pct: 9000\n");
        Cli r = Cli.run("replay", "--input", SharedData.file("heat/activity_2h.csv").toString(),
                "--out", dir.resolve("o.jsonl").toString(), "--rules", rules.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(rules + ":3:15: herd.heat.rise_pct: 9000 is outside 10..500 (%)"), r.err());
    }

    @Test
    void replay_compare_listsAddedAndRemovedAlarmsAndTotals(@TempDir Path dir) throws Exception {
        Path stricter = Files.writeString(dir.resolve("stricter.yaml"), "herd:\n  heat:\n    rise_pct: 150\n");
        Cli r = Cli.run("replay", "--input", SharedData.file("heat/activity_2h.csv").toString(),
                "--out", dir.resolve("o.jsonl").toString(), "--compare", stricter.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("compare shipped defaults -> " + stricter
                + ": alarms of the same cow and type raised at most 12 h apart count as the same alarm"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("- ") && l.contains(" heat at ")), r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("+ ") && l.contains(" heat at ")), r.out());
        String heatRow = r.out().lines().filter(l -> l.startsWith("heat ")).findFirst().orElseThrow();
        String[] f = heatRow.trim().split("\\s+");
        assertTrue(Integer.parseInt(f[2]) < Integer.parseInt(f[1]), heatRow);
    }

    @Test
    void replay_rawCollarSamples_becomeOneObservationPerMinute(@TempDir Path dir) throws Exception {
        List<String> bout = Files.readAllLines(SharedData.file("behaviour/collar_10hz/2016/61_Resting.csv"));
        StringBuilder csv = new StringBuilder("cow,timestamp,ax,ay,az\n");
        java.time.Instant start = java.time.Instant.parse("2024-05-14T12:00:00Z");
        for (String line : bout.subList(1, bout.size())) {
            String[] f = line.split(",");
            long ms = Math.round(Double.parseDouble(f[0]) * 1000);
            csv.append("2016,").append(start.plusMillis(ms)).append(',').append(f[1]).append(',').append(f[2])
                    .append(',').append(f[3]).append('\n');
        }
        Path in = Files.writeString(dir.resolve("raw.csv"), csv);
        Cli r = Cli.run("replay", "--input", in.toString(), "--out", dir.resolve("o.jsonl").toString(), "--rate", "10");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains((bout.size() - 1) + " rows read, 0 skipped; 1 cows, 0.0 cow-days"), r.err());
        assertTrue(r.err().contains("interval: 1 min (1 cow), per minute from raw samples at 10.0 Hz"), r.err());
        Cli noRate = Cli.run("replay", "--input", in.toString(), "--out", dir.resolve("o.jsonl").toString());
        assertEquals(1, noRate.exit());
        assertTrue(noRate.err().contains(in + ":1: raw accelerometer input (ax,ay,az) needs its sample rate (--rate HZ"), noRate.err());
    }

    @Test
    void replay_herdFileWithBadLines_reportsThemAndGoesOn(@TempDir Path dir) throws Exception {
        Path herd = Files.writeString(dir.resolve("herd.csv"), "cow,group,calving_date,breeding_date\n5028,lactating,2019-01-02,\n7161,heifers,02/03/2019,\n");
        Cli r = Cli.run("replay", "--input", SharedData.file("heat/activity_2h.csv").toString(),
                "--out", dir.resolve("o.jsonl").toString(), "--herd", herd.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains(herd + ":3: calving_date: '02/03/2019' is not a date yyyy-MM-dd"), r.err());
    }
}
