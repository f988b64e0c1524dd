package io.herdgate.bench;

import io.herdgate.rules.behaviour.BehaviourClassifier;
import io.herdgate.rules.feature.FeatureExtractor;
import io.herdgate.rules.feature.FeatureSettings;
import io.herdgate.rules.feature.SampleRate;
import io.herdgate.rules.feature.Unit;
import io.herdgate.rules.observe.MinuteObserver;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Feature extraction throughput in samples per second on one core: a minute of 10 Hz collar-like
 * samples (gravity on z, 1 Hz head swing, noise) per invocation, through the bare extractor with
 * 10 s windows, and through the per-minute observer that also classifies every window.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FeatureExtractionBenchmark {

    private static final int SAMPLES = 600;

    private final double[] xyz = new double[3 * SAMPLES];
    private final BehaviourClassifier classifier = BehaviourClassifier.shipped();
    private final FeatureSettings settings = FeatureSettings.of(SampleRate.ofHz(10), Unit.MS2, 10);
    private FeatureExtractor extractor;
    private MinuteObserver observer;

    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        for (int i = 0; i < SAMPLES; i++) {
            double swing = 2.0 * Math.sin(2 * Math.PI * i / 10.0);
            xyz[3 * i] = -1.5 + swing + 0.3 * rnd.nextGaussian();
            xyz[3 * i + 1] = 4.0 + swing / 2 + 0.3 * rnd.nextGaussian();
            xyz[3 * i + 2] = -8.5 + 0.3 * rnd.nextGaussian();
        }
        extractor = FeatureExtractor.of(settings);
        observer = MinuteObserver.of(CowId.of("1"), Instant.EPOCH, SampleRate.ofHz(10), Unit.MS2, classifier);
    }

    /** Bare extractor; the score is samples per second. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public int extractor() {
        int windows = 0;
        for (int i = 0; i < SAMPLES; i++) {
            if (extractor.add(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]).isPresent()) {
                windows++;
            }
        }
        return windows;
    }

    /** Extractor, classifier on every 10 s window and the minute summary; samples per second. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public int minuteObserver() {
        int minutes = 0;
        for (int i = 0; i < SAMPLES; i++) {
            if (observer.add(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]).isPresent()) {
                minutes++;
            }
        }
        return minutes;
    }
}
