package io.herdgate.bench;

import io.herdgate.rules.detect.DetectionEngine;
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
 * Observations per second through every detector for a herd sending per-minute data ({@link MinuteHerd}):
 * 2,000 cows (a large gateway) and 500 (the year-long replay check). One invocation is {@value #BATCH}
 * observations; the engine keeps running across invocations, so hours close and baselines fill as in
 * a live gateway. At tear-down it prints the state bytes per cow.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DetectionBenchmark {

    static final int BATCH = 500;

    @Param({"2000", "500"})
    int cows;

    private DetectionEngine engine;
    private MinuteHerd herd;
    private long events;

    @Setup
    public void setUp() {
        engine = DetectionEngine.builder().listener(e -> events++).build();
        herd = new MinuteHerd(cows, engine::accept);
        // Nine days first, so that baselines are full and every detector does its whole work.
        herd.feed(9L * 1440 * cows);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void perMinuteObservations(Blackhole bh) {
        herd.feed(BATCH);
        bh.consume(events);
    }

    @TearDown
    public void report() {
        System.out.println("state bytes per cow: " + engine.stateBytes(herd.firstCow()) + ", alarm events: " + events);
    }
}
