package io.herdgate.bench;

import io.herdgate.rules.detect.DetectionEngine;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Observations per second through every detector for a herd sending per-minute data (motion index,
 * steps, lying, lying bouts, activity, battery): 2,000 cows (a large gateway) and 500 (the year-long
 * replay check). One invocation is one minute of {@value #BATCH} cows; the engine keeps running across
 * invocations, so hours close and baselines fill as in a live gateway. At tear-down it prints the
 * state bytes per cow.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DetectionBenchmark {

    /** Observations per invocation (cows are taken round-robin). */
    static final int BATCH = 500;

    @Param({"2000", "500"})
    int cows;

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private DetectionEngine engine;
    private CowId[] ids;
    private int next;
    private long minute;
    private long seed = 42;
    private long events;

    @Setup
    public void setUp() {
        engine = DetectionEngine.builder().listener(e -> events++).build();
        ids = new CowId[cows];
        for (int i = 0; i < cows; i++) {
            ids[i] = CowId.of("cow-" + i);
        }
        // Nine days first, so that baselines are full and every detector does its whole work.
        for (long i = 0; i < 9L * 1440 * cows / BATCH; i++) {
            batch();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void perMinuteObservations(Blackhole bh) {
        batch();
        bh.consume(events);
    }

    /** The next {@value #BATCH} cows' observations of the current minute; the minute advances after the last cow. */
    private void batch() {
        Instant t = Instant.ofEpochSecond(1_700_000_000L / 60 * 60 + minute * 60);
        int hour = (int) (minute / 60 % 24);
        for (int k = 0; k < BATCH; k++) {
            CowId cow = ids[next];
            double motion = (hour >= 6 && hour < 20 ? 20 : 6) * nextUnit();
            engine.accept(new Observation(cow, t, MINUTE, motion, Double.NaN, nextUnit() < 0.6 ? 1 : 0,
                    nextUnit() < 0.01 ? 1 : 0, Math.floor(motion / 4), motion, Double.NaN, Double.NaN, 3600));
            if (++next == cows) {
                next = 0;
                minute++;
            }
        }
    }

    /** xorshift: cheap and deterministic, so the generator does not dominate the measurement. */
    private double nextUnit() {
        seed ^= seed << 13;
        seed ^= seed >>> 7;
        seed ^= seed << 17;
        return (seed >>> 11) * 0x1.0p-53;
    }

    @TearDown
    public void report() {
        System.out.println("state bytes per cow: " + engine.stateBytes(ids[0]) + ", alarm events: " + events);
    }
}
