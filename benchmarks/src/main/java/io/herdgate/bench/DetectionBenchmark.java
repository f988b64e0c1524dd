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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Observations per second through every detector for a herd of {@value #COWS} cows sending per-minute
 * data (motion index, steps, lying, lying bouts, activity, battery). One invocation is one minute of
 * the whole herd; the engine keeps running across invocations, so hours close and baselines fill as in
 * a live gateway. At tear-down it prints the state bytes per cow.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DetectionBenchmark {

    static final int COWS = 2000;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private DetectionEngine engine;
    private CowId[] cows;
    private long minute;
    private long seed = 42;
    private long events;

    @Setup
    public void setUp() {
        engine = DetectionEngine.builder().listener(e -> events++).build();
        cows = new CowId[COWS];
        for (int i = 0; i < COWS; i++) {
            cows[i] = CowId.of("cow-" + i);
        }
        // Nine days first, so that baselines are full and every detector does its whole work.
        for (int i = 0; i < 9 * 1440; i++) {
            herdMinute();
        }
    }

    @Benchmark
    @OperationsPerInvocation(COWS)
    public void perMinuteObservations(Blackhole bh) {
        herdMinute();
        bh.consume(events);
    }

    private void herdMinute() {
        Instant t = Instant.ofEpochSecond(1_700_000_000L / 60 * 60 + minute * 60);
        int hour = (int) (minute / 60 % 24);
        for (CowId cow : cows) {
            double motion = (hour >= 6 && hour < 20 ? 20 : 6) * nextUnit();
            engine.accept(new Observation(cow, t, MINUTE, motion, Double.NaN, nextUnit() < 0.6 ? 1 : 0,
                    nextUnit() < 0.01 ? 1 : 0, Math.floor(motion / 4), motion, Double.NaN, Double.NaN, 3600));
        }
        minute++;
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
        System.out.println("state bytes per cow: " + engine.stateBytes(cows[0]) + ", alarm events: " + events);
    }
}
