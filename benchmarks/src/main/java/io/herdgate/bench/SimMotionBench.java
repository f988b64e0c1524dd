package io.herdgate.bench;

import io.herdgate.sim.motion.CowMotion;
import io.herdgate.sim.motion.CowTraits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Raw speed of the simulator's motion model: samples per second for one cow (planner, bouts, synthesis),
 * rendering one simulated day after another in 10-s blocks at 10 Hz.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimMotionBench {

    private static final int BLOCK = 100;

    private CowMotion cow;
    private final float[] xyz = new float[3 * BLOCK];

    @Setup(Level.Trial)
    public void setUp() {
        cow = CowMotion.of(CowTraits.random(17), Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC, List.of());
    }

    /** Score = samples (x, y, z triplets) per second. */
    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public float[] samples() {
        cow.fill(xyz, 0, BLOCK, 10);
        return xyz;
    }
}
