package io.herdgate.bench;

import io.herdgate.rules.params.Rules;
import io.herdgate.rules.replay.Replay;
import io.herdgate.rules.replay.ReplayResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * Replay of a synthetic per-minute file ({@value #COWS} cows x {@value #DAYS} days =
 * {@value #ROWS} rows, one thread): {@code read} parses, checks and merges every row without
 * detectors; {@code detect} also runs the engine with the shipped defaults. Rows/s = ops/s x ROWS.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplayBenchmark {

    static final int COWS = 16;
    static final int DAYS = 14;
    static final int ROWS = COWS * DAYS * 1440;

    private Path dir;
    private Path file;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("replay-bench");
        file = dir.resolve("minutes.csv");
        SyntheticMinuteData.write(file, COWS, DAYS, 42);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public long read() throws Exception {
        ReplayResult r = Replay.of(file).threads(1).run(List.of());
        return r.stats().rowsRead();
    }

    @Benchmark
    public int detect() throws Exception {
        ReplayResult r = Replay.of(file).threads(1).run(List.of(Rules.defaults()));
        return r.alarms().get(0).size();
    }
}
