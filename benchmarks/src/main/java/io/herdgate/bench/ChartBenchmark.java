package io.herdgate.bench;

import io.herdgate.gateway.chart.ChartSettings;
import io.herdgate.gateway.chart.StoredAlarmChart;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One alarm's activity chart as the WhatsApp channel asks for it: read nine days of per-minute history
 * (48 h shown plus 7 baseline days, about 13,000 rows) from a real SQLite file, hourly rates and
 * baselines, JFreeChart rendering at 1024x640 and PNG encoding.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChartBenchmark {

    private static final CowId COW = CowId.of("7019");
    private static final Instant DAY0 = Instant.parse("2026-05-01T00:00:00Z");

    private Path dir;
    private Database db;
    private StoredAlarmChart charts;
    private AlarmId alarm;

    @Setup(Level.Trial)
    public void store() throws IOException {
        System.setProperty("java.awt.headless", "true");
        dir = Files.createTempDirectory(Path.of("."), "chart-bench");
        db = Database.open(dir.resolve("bench.db"));
        ManualClock clock = ManualClock.of(DAY0);
        FeatureHistory history = FeatureHistory.of(db, FlushPolicy.DEFAULT, clock);
        Instant end = DAY0.plus(Duration.ofDays(9));
        Instant heat = end.minus(Duration.ofHours(10));
        for (Instant t = DAY0; t.isBefore(end); t = t.plusSeconds(60)) {
            double normal = 8 + 4 * Math.sin((t.getEpochSecond() % 86_400) / 86_400.0 * 2 * Math.PI);
            history.append(Observation.builder(COW, t, Duration.ofMinutes(1))
                    .activity(t.isAfter(heat) ? 3 * normal : normal).build());
        }
        history.flush();
        clock.set(end);
        alarm = AlarmLog.of(db).record(Alarm.of(COW, AlarmType.HEAT, heat.plus(Duration.ofHours(3)), Severity.WARNING,
                Explanation.of("activity_10h", 30, OptionalDouble.of(10), 18, Duration.ofHours(3), Map.of())));
        charts = StoredAlarmChart.of(AlarmLog.of(db), history, Rules.defaults(), ChartSettings.defaults(ZoneId.of("Europe/Berlin")),
                clock);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        db.close();
        ScratchDirs.delete(dir);
    }

    @Benchmark
    public byte[] chartOfAStoredAlarm() {
        return charts.chart(alarm).orElseThrow().bytes();
    }
}
