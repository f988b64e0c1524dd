package io.herdgate.rules.behaviour;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.behaviour.training.CollarDataset;
import io.herdgate.rules.behaviour.training.LabelledWindow;
import io.herdgate.rules.feature.FeatureExtractor;
import io.herdgate.rules.feature.FeatureSettings;
import io.herdgate.rules.feature.SampleRate;
import io.herdgate.rules.feature.Unit;
import io.herdgate.rules.feature.WindowFeatures;
import io.herdgate.sim.motion.CowMotion;
import io.herdgate.sim.motion.CowTraits;
import io.herdgate.testing.SharedData;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's cows through the shipped classifier, as the gateway runs it (each cow's posture reference learnt
 * from the classifier's own calls), against the labelled 10 Hz recordings run the same way (in recording order).
 * Per true behaviour, the share of 10-s windows called each class. The demo and the end-to-end tests judge the
 * detectors on what this classifier makes of simulated cows, so the simulator must be read like a real cow:
 * before grazing's biting noise moved up from 1.6 Hz, 46 % of these cows' grazing windows were called walking
 * (recordings 3 %), the learnt walking posture sat about 20° towards head-down and their standing was called
 * standing 8 % of the time (recordings 88 %). Tolerance: 10 percentage points.
 */
class SimulatedCollarClassificationTest {

    private static final BehaviourClassifier CLASSIFIER = BehaviourClassifier.shipped();
    private static final int COWS = 6;
    private static final Duration SPAN = Duration.ofHours(30);
    /** The first hours are read before the cow's posture reference has her walking and grazing postures. */
    private static final Duration SETTLE = Duration.ofHours(6);

    private static Map<Behaviour, Map<Behaviour, Integer>> real;
    private static Map<Behaviour, Map<Behaviour, Integer>> sim;

    @BeforeAll
    static void classify() {
        real = new EnumMap<>(Behaviour.class);
        Map<String, PostureReference> references = new HashMap<>();
        for (LabelledWindow w : CollarDataset.windows(SharedData.dir("behaviour/collar_10hz"),
                FeatureSettings.CLASSIFICATION_WINDOW_S)) {
            PostureReference r = references.getOrDefault(w.cow().toString(), PostureReference.EMPTY);
            ClassProbabilities p = CLASSIFIER.probabilities(w.features(), r);
            references.put(w.cow().toString(), r.learn(p, w.features()));
            count(real, w.behaviour(), p.best().behaviour());
        }
        sim = new EnumMap<>(Behaviour.class);
        for (long seed = 1; seed <= COWS; seed++) {
            simulate(seed);
        }
    }

    @Test
    void simulatedGrazing_isRarelyCalledWalking_likeTheRecordings() {
        double r = share(real, Behaviour.GRAZING, Behaviour.WALKING);
        double s = share(sim, Behaviour.GRAZING, Behaviour.WALKING);
        assertTrue(s <= r + 0.10, "grazing called walking: sim " + s + ", real " + r);
    }

    @Test
    void simulatedStanding_isCalledStanding_likeTheRecordings() {
        double r = share(real, Behaviour.STANDING, Behaviour.STANDING);
        double s = share(sim, Behaviour.STANDING, Behaviour.STANDING);
        assertTrue(Math.abs(s - r) <= 0.10, "standing called standing: sim " + s + ", real " + r);
        double lying = share(sim, Behaviour.STANDING, Behaviour.RESTING);
        assertTrue(lying <= share(real, Behaviour.STANDING, Behaviour.RESTING) + 0.10, "standing called lying: sim " + lying);
    }

    @Test
    void simulatedResting_isCalledRestingAtLeastAsOftenAsInTheRecordings() {
        double r = share(real, Behaviour.RESTING, Behaviour.RESTING);
        double s = share(sim, Behaviour.RESTING, Behaviour.RESTING);
        assertTrue(s >= r - 0.10, "resting called resting: sim " + s + ", real " + r);
    }

    private static void simulate(long seed) {
        Instant start = Instant.parse("2026-03-02T00:00:00Z");
        CowMotion cow = CowMotion.of(CowTraits.random(seed), start, ZoneOffset.UTC, List.of());
        FeatureExtractor extractor = FeatureExtractor.of(FeatureSettings.of(SampleRate.ofHz(CollarDataset.RATE_HZ),
                Unit.G, FeatureSettings.CLASSIFICATION_WINDOW_S));
        int window = (int) Math.round(CollarDataset.RATE_HZ * FeatureSettings.CLASSIFICATION_WINDOW_S);
        float[] xyz = new float[3 * window];
        PostureReference reference = PostureReference.EMPTY;
        long windows = SPAN.toSeconds() / (long) FeatureSettings.CLASSIFICATION_WINDOW_S;
        long settle = SETTLE.toSeconds() / (long) FeatureSettings.CLASSIFICATION_WINDOW_S;
        for (long w = 0; w < windows; w++) {
            io.herdgate.sim.motion.Behaviour before = cow.bout().behaviour();
            cow.fill(xyz, 0, window, CollarDataset.RATE_HZ);
            Optional<WindowFeatures> features = Optional.empty();
            for (int i = 0; i < xyz.length; i += 3) {
                Optional<WindowFeatures> f = extractor.add(xyz[i], xyz[i + 1], xyz[i + 2]);
                if (f.isPresent()) {
                    features = f;
                }
            }
            if (features.isEmpty()) {
                continue;
            }
            ClassProbabilities p = CLASSIFIER.probabilities(features.get(), reference);
            reference = reference.learn(p, features.get());
            if (w >= settle && before == cow.bout().behaviour()) { // whole windows of one behaviour
                truth(before).ifPresent(t -> count(sim, t, p.best().behaviour()));
            }
        }
    }

    private static Optional<Behaviour> truth(io.herdgate.sim.motion.Behaviour b) {
        return switch (b) {
            case LYING, RUMINATING -> Optional.of(Behaviour.RESTING);
            case STANDING -> Optional.of(Behaviour.STANDING);
            case GRAZING -> Optional.of(Behaviour.GRAZING);
            case WALKING -> Optional.of(Behaviour.WALKING);
            case DOWN -> Optional.empty();
        };
    }

    private static void count(Map<Behaviour, Map<Behaviour, Integer>> into, Behaviour truth, Behaviour called) {
        into.computeIfAbsent(truth, t -> new EnumMap<>(Behaviour.class)).merge(called, 1, Integer::sum);
    }

    private static double share(Map<Behaviour, Map<Behaviour, Integer>> m, Behaviour truth, Behaviour called) {
        Map<Behaviour, Integer> row = m.get(truth);
        int all = row.values().stream().mapToInt(Integer::intValue).sum();
        return row.getOrDefault(called, 0) / (double) all;
    }
}
