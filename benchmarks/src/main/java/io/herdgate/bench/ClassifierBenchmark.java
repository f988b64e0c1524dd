package io.herdgate.bench;

import io.herdgate.rules.behaviour.BehaviourClassifier;
import io.herdgate.rules.behaviour.BoutFilter;
import io.herdgate.rules.behaviour.Classification;
import io.herdgate.rules.behaviour.ClassProbabilities;
import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.feature.Axes;
import io.herdgate.rules.feature.WindowFeatures;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the shipped behaviour classifier per 10 s window, in nanoseconds, apart from feature extraction
 * (which {@link FeatureExtractionBenchmark} measures per sample): the first stage alone (a cow without a
 * posture reference yet), both stages against a ready reference, and one window's full live step (both
 * stages, the reference learns from the window, the bout filter decides). The windows cycle through 256 precomputed feature
 * sets with postures and activity levels spread like walking, grazing and still cows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClassifierBenchmark {

    private static final int WINDOWS = 256;

    private final BehaviourClassifier classifier = BehaviourClassifier.shipped();
    private final WindowFeatures[] windows = new WindowFeatures[WINDOWS];
    private PostureReference ready;
    private PostureReference live;
    private BoutFilter filter;
    private int next;

    @Setup
    public void setUp() {
        System.arraycopy(windows(WINDOWS), 0, windows, 0, WINDOWS);
        ready = readyReference(classifier, windows);
        live = ready;
        filter = classifier.filter();
    }

    /**
     * {@code n} window feature sets, seeded: head from carried forward (gravity mostly on −z) to down (tilted
     * into +y), activity spread over three decades.
     */
    static WindowFeatures[] windows(int n) {
        Random rnd = new Random(42);
        WindowFeatures[] out = new WindowFeatures[n];
        for (int i = 0; i < n; i++) {
            double down = rnd.nextDouble();
            Axes gravity = Axes.of(0.1 * rnd.nextGaussian(), 0.2 + 0.6 * down, -0.95 + 0.3 * down);
            double vedba = Math.exp(2.5 + 3.5 * rnd.nextDouble());
            double variance = vedba * vedba * (0.5 + rnd.nextDouble());
            out[i] = WindowFeatures.of(0, 10, 100, vedba, 0.8 * vedba, 1.6 * vedba, gravity,
                    Axes.of(variance, variance, variance), OptionalDouble.of(0.2 * rnd.nextDouble()),
                    rnd.nextInt(12), 30 * rnd.nextDouble(), 1.5 * rnd.nextDouble(), 0.6 * vedba);
        }
        return out;
    }

    /** The posture reference a cow has after {@code windows} four times over; checked to be ready. */
    static PostureReference readyReference(BehaviourClassifier classifier, WindowFeatures[] windows) {
        PostureReference r = PostureReference.EMPTY;
        for (int round = 0; round < 4; round++) {
            for (WindowFeatures w : windows) {
                r = r.learn(classifier.probabilities(w, r), w);
            }
        }
        if (r.angles(windows[0].gravityG()).isEmpty()) {
            throw new IllegalStateException("the posture reference did not become ready: " + r);
        }
        return r;
    }

    private WindowFeatures nextWindow() {
        next = (next + 1) & (WINDOWS - 1);
        return windows[next];
    }

    /** First stage only: a cow whose walking and grazing postures are not known yet. */
    @Benchmark
    public ClassProbabilities firstStageOnly() {
        return classifier.probabilities(nextWindow(), PostureReference.EMPTY);
    }

    /** Both stages against a ready posture reference. */
    @Benchmark
    public ClassProbabilities bothStages() {
        return classifier.probabilities(nextWindow(), ready);
    }

    /**
     * What {@code MinuteObserver} does per window for the classifier: both stages, the reference learns, the
     * bout filter decides.
     */
    @Benchmark
    public Classification liveStep() {
        WindowFeatures w = nextWindow();
        ClassProbabilities p = classifier.probabilities(w, live);
        live = live.learn(p, w);
        return filter.add(p);
    }
}
