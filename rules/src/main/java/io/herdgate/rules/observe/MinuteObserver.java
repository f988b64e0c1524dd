package io.herdgate.rules.observe;

import io.herdgate.rules.behaviour.Behaviour;
import io.herdgate.rules.behaviour.BehaviourClassifier;
import io.herdgate.rules.behaviour.BoutFilter;
import io.herdgate.rules.behaviour.ClassProbabilities;
import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.feature.Axes;
import io.herdgate.rules.feature.ExtractorState;
import io.herdgate.rules.feature.FeatureExtractor;
import io.herdgate.rules.feature.FeatureSettings;
import io.herdgate.rules.feature.SampleRate;
import io.herdgate.rules.feature.Unit;
import io.herdgate.rules.feature.WindowFeatures;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns one cow's evenly spaced raw samples into one {@link Observation} per minute. A minute is six
 * 10 s classification windows; minute {@code k} starts at {@code start + k min}. Per minute:
 * <ul>
 *   <li>{@code activity}: mean VeDBA in milli-g (sample-weighted over the minute);</li>
 *   <li>{@code steps}: step-like peaks (NaN below {@link FeatureExtractor#MIN_STEP_RATE_HZ});</li>
 *   <li>{@code lyingMin}: minutes of windows the classifier calls {@link Behaviour#RESTING}, each window
 *       decided against the cow's {@link PostureReference} (learnt as the windows come), then through the
 *       classifier's {@link BoutFilter} over the stream (causal: no added latency, but a change of behaviour
 *       shows once a few windows of evidence outweigh the bout before it);
 *       {@code lyingBouts}: windows where resting starts after a non-resting window (NaN for both below
 *       the classifier's minimum rate);</li>
 *   <li>{@code ruminationMin}: windows classified {@link Behaviour#RUMINATING}; NaN when the rate is
 *       below the jaw band or the classifier cannot tell rumination (the shipped one cannot): a measure the
 *       collar does not deliver must not read as a cow that stopped ruminating;</li>
 *   <li>{@code accelVarG2}: population variance of the acceleration magnitude |a| in g²;</li>
 *   <li>{@code pitchDeg}: pitch of the minute's mean gravity vector (see {@link WindowFeatures#pitchDeg()}).</li>
 * </ul>
 * O(1) work per sample apart from classifying each finished window. Not thread-safe. The state can be
 * saved and restored ({@link #state()}, {@link #restore}).
 */
public final class MinuteObserver {

    /** Classification windows per minute. */
    static final int WINDOWS_PER_MINUTE = (int) Math.round(60 / FeatureSettings.CLASSIFICATION_WINDOW_S);

    private final CowId cow;
    private final Instant start;
    private final FeatureExtractor extractor;
    private final BehaviourClassifier classifier;
    private final BoutFilter filter;
    private final boolean classify;
    private final boolean stepsDefined;
    private final boolean ruminationDefined;
    private final double toG;

    private long minutes;
    private int windows;
    private long samples;
    private double vedbaSum;
    private double steps;
    private double lyingS;
    private double ruminationS;
    private int lyingBouts;
    private boolean previousResting;
    private double gx;
    private double gy;
    private double gz;
    private double magMean;
    private double magM2;
    private long magCount;
    private PostureReference posture;

    private MinuteObserver(CowId cow, Instant start, SampleRate rate, Unit unit, BehaviourClassifier classifier,
                           ExtractorState extractorState, List<ClassProbabilities> recentWindows,
                           PostureReference posture) {
        this.cow = cow;
        this.start = start;
        this.extractor = FeatureExtractor.restore(
                FeatureSettings.of(rate, unit, FeatureSettings.CLASSIFICATION_WINDOW_S), extractorState);
        this.classifier = classifier;
        // States saved before the bout filter hold the last windows of the earlier smoothing (oldest first):
        // the newest stands in for the belief.
        this.filter = classifier.filter().restore(recentWindows.isEmpty() ? Optional.empty()
                : Optional.of(recentWindows.get(recentWindows.size() - 1)));
        this.classify = rate.hz() >= classifier.minRateHz();
        this.stepsDefined = rate.hz() >= FeatureExtractor.MIN_STEP_RATE_HZ;
        this.ruminationDefined = rate.hz() >= FeatureExtractor.MIN_RUMINATION_RATE_HZ
                && classifier.behaviours().contains(Behaviour.RUMINATING);
        this.toG = unit.toG();
        this.posture = posture;
    }

    /**
     * @param cow        the cow whose collar sends the samples
     * @param start      time of the first sample
     * @param rate       sample rate
     * @param unit       unit of the samples
     * @param classifier behaviour per window, for lying and rumination minutes
     */
    public static MinuteObserver of(CowId cow, Instant start, SampleRate rate, Unit unit,
                                    BehaviourClassifier classifier) {
        return of(cow, start, rate, unit, classifier, PostureReference.EMPTY);
    }

    /**
     * A fresh stream of a cow whose posture reference is already known, e.g. the {@link #posture()} of her
     * previous stream before a gap in the samples: the reference belongs to the cow (and her collar), not to
     * one stream.
     */
    public static MinuteObserver of(CowId cow, Instant start, SampleRate rate, Unit unit,
                                    BehaviourClassifier classifier, PostureReference posture) {
        return new MinuteObserver(cow, start, rate, unit, classifier, ExtractorState.INITIAL, List.of(), posture);
    }

    /** An observer that continues from {@code state}, taken from one with the same arguments. */
    public static MinuteObserver restore(CowId cow, Instant start, SampleRate rate, Unit unit,
                                         BehaviourClassifier classifier, ObserverState state) {
        MinuteObserver o = new MinuteObserver(cow, start, rate, unit, classifier, state.extractor(),
                state.recentWindows(), state.posture());
        o.minutes = state.minutes();
        o.windows = state.windows();
        o.samples = state.samples();
        o.vedbaSum = state.vedbaSumMg();
        o.steps = state.steps();
        o.lyingS = state.lyingS();
        o.ruminationS = state.ruminationS();
        o.lyingBouts = state.lyingBouts();
        o.previousResting = state.previousResting();
        o.gx = state.gravitySumG().x();
        o.gy = state.gravitySumG().y();
        o.gz = state.gravitySumG().z();
        o.magMean = state.magnitudeMeanG();
        o.magM2 = state.magnitudeM2G2();
        o.magCount = state.magnitudeCount();
        return o;
    }

    /** A snapshot of the whole state, for {@link #restore}. */
    public ObserverState state() {
        return new ObserverState(extractor.state(), minutes, windows, samples, vedbaSum, steps, lyingS, ruminationS,
                lyingBouts, previousResting, Axes.of(gx, gy, gz), magMean, magM2, magCount,
                filter.belief().map(List::of).orElse(List.of()), posture);
    }

    /** The cow's posture reference as learnt so far ({@link PostureReference}). */
    public PostureReference posture() {
        return posture;
    }

    /** Adds one sample in the observer's unit; returns the minute it completes, if any. */
    public Optional<Observation> add(double ax, double ay, double az) {
        double mag = Math.sqrt(ax * ax + ay * ay + az * az) * toG;
        magCount++;
        double d = mag - magMean;
        magMean += d / magCount;
        magM2 += d * (mag - magMean);
        Optional<WindowFeatures> w = extractor.add(ax, ay, az);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        accumulate(w.get());
        return windows == WINDOWS_PER_MINUTE ? Optional.of(finishMinute()) : Optional.empty();
    }

    private void accumulate(WindowFeatures w) {
        windows++;
        samples += w.samples();
        vedbaSum += w.vedbaMg() * w.samples();
        steps += w.steps();
        gx += w.gravityG().x() * w.samples();
        gy += w.gravityG().y() * w.samples();
        gz += w.gravityG().z() * w.samples();
        if (classify) {
            ClassProbabilities p = classifier.probabilities(w, posture);
            posture = posture.learn(p, w);
            Behaviour b = filter.add(p).behaviour();
            boolean resting = b == Behaviour.RESTING;
            if (resting) {
                lyingS += w.durationS();
                if (!previousResting) {
                    lyingBouts++;
                }
            }
            if (b == Behaviour.RUMINATING) {
                ruminationS += w.durationS();
            }
            previousResting = resting;
        }
    }

    private Observation finishMinute() {
        double n = samples;
        Observation.Builder b = Observation.builder(cow, start.plus(Duration.ofMinutes(minutes)), Duration.ofMinutes(1))
                .activity(vedbaSum / n)
                .accelVarG2(magM2 / magCount)
                .pitchDeg(Axes.of(gx, gy, gz).pitchDeg());
        if (stepsDefined) {
            b.steps(steps);
        }
        if (classify) {
            b.lyingMin(Math.min(1, lyingS / 60)).lyingBouts(lyingBouts);
            if (ruminationDefined) {
                b.ruminationMin(Math.min(1, ruminationS / 60));
            }
        }
        minutes++;
        windows = 0;
        samples = 0;
        vedbaSum = 0;
        steps = 0;
        lyingS = 0;
        ruminationS = 0;
        lyingBouts = 0;
        gx = 0;
        gy = 0;
        gz = 0;
        magMean = 0;
        magM2 = 0;
        magCount = 0;
        return b.build();
    }
}
