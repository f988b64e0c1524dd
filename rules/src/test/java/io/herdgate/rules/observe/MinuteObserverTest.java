package io.herdgate.rules.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.behaviour.Behaviour;
import io.herdgate.rules.behaviour.BehaviourClassifier;
import io.herdgate.rules.behaviour.BoutFilter;
import io.herdgate.rules.behaviour.ClassProbabilities;
import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.feature.SampleRate;
import io.herdgate.rules.feature.Unit;
import io.herdgate.rules.feature.WindowFeatures;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinuteObserverTest {

    private static final CowId COW = CowId.of("7019");
    private static final Instant T0 = Instant.parse("2024-05-13T14:44:00Z");

    /** Resting while the window is quiet (VeDBA under 50 mg), grazing otherwise; certain of every window. */
    private static final BehaviourClassifier QUIET_IS_RESTING = quietIsResting(1);
    /** As {@link #QUIET_IS_RESTING}, but only 70 % sure of each window. */
    private static final BehaviourClassifier QUIET_IS_PROBABLY_RESTING = quietIsResting(0.7);

    /**
     * Resting with probability {@code sure} while the window is quiet, grazing with it otherwise; bout filter:
     * lying lasts 10 min on average, grazing 1 min.
     */
    private static BehaviourClassifier quietIsResting(double sure) {
        List<Behaviour> classes = List.of(Behaviour.RESTING, Behaviour.GRAZING);
        return new BehaviourClassifier() {
            @Override
            public ClassProbabilities probabilities(WindowFeatures w, PostureReference posture) {
                double resting = w.vedbaMg() < 50 ? sure : 1 - sure;
                return ClassProbabilities.of(classes, List.of(resting, 1 - resting));
            }

            @Override
            public double minRateHz() {
                return 5;
            }

            @Override
            public List<Behaviour> behaviours() {
                return classes;
            }

            @Override
            public BoutFilter filter() {
                return BoutFilter.of(classes, List.of(600.0, 60.0), 10);
            }
        };
    }

    /** Quiet for {@code quietS} seconds, then a 2 Hz, 300 mg swing on x; gravity on z; in g. */
    private static List<Observation> observe(MinuteObserver o, double hz, double seconds, double quietS) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < seconds * hz; i++) {
            double t = i / hz;
            double x = t < quietS ? 0 : 0.3 * Math.sin(2 * Math.PI * 2 * t);
            o.add(x, 0, 1).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void add_threeMinutes_giveThreeMinuteObservationsOnTheMinute() {
        List<Observation> obs = observe(MinuteObserver.of(COW, T0, SampleRate.ofHz(10), Unit.G, QUIET_IS_RESTING),
                10, 185, 60);

        assertEquals(3, obs.size());
        for (int k = 0; k < 3; k++) {
            assertEquals(COW, obs.get(k).cow());
            assertEquals(T0.plus(Duration.ofMinutes(k)), obs.get(k).start());
            assertEquals(Duration.ofMinutes(1), obs.get(k).length());
        }
    }

    @Test
    void add_quietThenSwinging_reportsActivityVarianceAndLying() {
        List<Observation> obs = observe(MinuteObserver.of(COW, T0, SampleRate.ofHz(10), Unit.G, QUIET_IS_RESTING),
                10, 180, 90);
        Observation quiet = obs.get(0);
        Observation half = obs.get(1);
        Observation swinging = obs.get(2);

        assertEquals(0, quiet.activity(), 1e-9);
        assertEquals(0, quiet.accelVarG2(), 1e-12);
        assertEquals(0, quiet.steps());
        assertEquals(1.0, quiet.lyingMin(), 1e-9);
        assertEquals(1, quiet.lyingBouts(), "lying starts in the first window");
        // Three quiet and three swinging windows; this classifier is certain of every window, so its bout filter
        // follows the change at once.
        assertEquals(3 / 6.0, half.lyingMin(), 1e-9);
        assertEquals(0, half.lyingBouts(), "the lying bout continues from the minute before");
        assertEquals(0, swinging.lyingMin(), 1e-9);
        assertTrue(swinging.activity() > 150, "swing of 300 mg amplitude: " + swinging.activity());
        // |a| = sqrt(1 + 0.09 sin²): a sideways swing changes the magnitude only a little.
        assertEquals(2.4e-4, swinging.accelVarG2(), 0.3e-4);
        assertEquals(0, quiet.pitchDeg(), 1e-6);
        assertTrue(swinging.ruminationMinIfPresent().isEmpty(), "a classifier without rumination does not measure it");
    }

    @Test
    void add_doubtfulWindowsAfterALongLyingBout_areFilteredAsTheBoutGoesOn() {
        // Five quiet minutes, then swinging: each window alone is only 70 % sure, so the filter, which knows
        // lying lasts ten times longer than grazing here, keeps the lying bout until the evidence adds up.
        List<Observation> obs = observe(MinuteObserver.of(COW, T0, SampleRate.ofHz(10), Unit.G,
                QUIET_IS_PROBABLY_RESTING), 10, 420, 300);

        assertEquals(1.0, obs.get(4).lyingMin(), 1e-9);
        assertTrue(obs.get(5).lyingMin() > 0 && obs.get(5).lyingMin() < 1, "lying ends within the sixth minute: "
                + obs.get(5).lyingMin());
        assertEquals(0, obs.get(6).lyingMin(), 1e-9);
    }

    @Test
    void restore_stateSavedBeforeTheBoutFilter_continuesFromItsNewestWindow() {
        // Until classifier-v4 the state held the last three windows' probabilities, oldest first; the newest
        // stands in for the filter's belief.
        SampleRate rate = SampleRate.ofHz(10);
        MinuteObserver now = MinuteObserver.of(COW, T0, rate, Unit.G, QUIET_IS_PROBABLY_RESTING);
        observe(now, 10, 125, 300);
        ObserverState saved = now.state();
        ClassProbabilities belief = saved.recentWindows().get(0);
        ClassProbabilities grazing = ClassProbabilities.of(belief.classes(), List.of(0.1, 0.9));
        ObserverState old = new ObserverState(saved.extractor(), saved.minutes(), saved.windows(), saved.samples(),
                saved.vedbaSumMg(), saved.steps(), saved.lyingS(), saved.ruminationS(), saved.lyingBouts(),
                saved.previousResting(), saved.gravitySumG(), saved.magnitudeMeanG(), saved.magnitudeM2G2(),
                saved.magnitudeCount(), List.of(grazing, grazing, belief), saved.posture());

        MinuteObserver restored = MinuteObserver.restore(COW, T0, rate, Unit.G, QUIET_IS_PROBABLY_RESTING, old);

        assertEquals(1, saved.recentWindows().size(), "the filter saves one belief");
        assertEquals(saved, restored.state(), "three old windows restore as the newest one");
        List<Observation> expected = observe(now, 10, 115, 0);
        assertEquals(expected, observe(restored, 10, 115, 0));
    }

    @Test
    void state_restoredMidMinute_continuesWithIdenticalObservations() {
        SampleRate rate = SampleRate.ofHz(10);
        List<Observation> expected = observe(MinuteObserver.of(COW, T0, rate, Unit.G, QUIET_IS_RESTING), 10, 180, 75);

        MinuteObserver first = MinuteObserver.of(COW, T0, rate, Unit.G, QUIET_IS_RESTING);
        List<Observation> actual = new ArrayList<>();
        for (int i = 0; i < 1800; i++) {
            if (i == 777) {
                first = MinuteObserver.restore(COW, T0, rate, Unit.G, QUIET_IS_RESTING, first.state());
            }
            double t = i / 10.0;
            first.add(t < 75 ? 0 : 0.3 * Math.sin(2 * Math.PI * 2 * t), 0, 1).ifPresent(actual::add);
        }

        assertEquals(expected, actual);
    }

    @Test
    void add_twoHertz_hasNoStepsLyingOrRumination() {
        List<Observation> obs = observe(MinuteObserver.of(COW, T0, SampleRate.ofHz(2), Unit.G, QUIET_IS_RESTING),
                2, 60, 60);

        assertEquals(1, obs.size());
        assertTrue(obs.get(0).stepsIfPresent().isEmpty());
        assertTrue(obs.get(0).lyingMinIfPresent().isEmpty());
        assertTrue(obs.get(0).ruminationMinIfPresent().isEmpty());
        assertEquals(0, obs.get(0).activity(), 1e-9);
    }

    @Test
    void add_withTheShippedClassifier_lyingMinutesFollowItsRestingWindows() {
        // Real collar data stream replaced by a quiet collar: whatever the classifier says, the minute sums it.
        BehaviourClassifier shipped = BehaviourClassifier.shipped();
        List<Observation> obs = observe(MinuteObserver.of(COW, T0, SampleRate.ofHz(10), Unit.G, shipped), 10, 60, 60);

        double lying = obs.get(0).lyingMin();
        assertTrue(lying == 0 || lying == 1, "six identical quiet windows share one label: " + lying);
    }

    /** Walking when moving with the head up (gravity on z), grazing when moving head down, resting when quiet. */
    private static final BehaviourClassifier MOVING_BY_POSTURE = new BehaviourClassifier() {
        @Override
        public ClassProbabilities probabilities(WindowFeatures w, PostureReference posture) {
            boolean moving = w.vedbaMg() > 50;
            boolean headDown = Math.abs(w.gravityG().y()) > 0.5;
            return ClassProbabilities.of(List.of(Behaviour.RESTING, Behaviour.GRAZING, Behaviour.WALKING),
                    List.of(moving ? 0.0 : 1.0, moving && headDown ? 1.0 : 0.0, moving && !headDown ? 1.0 : 0.0));
        }

        @Override
        public double minRateHz() {
            return 5;
        }

        @Override
        public List<Behaviour> behaviours() {
            return List.of(Behaviour.RESTING, Behaviour.GRAZING, Behaviour.WALKING);
        }
    };

    @Test
    void posture_isLearntFromTheWindowsAndSavedWithTheState() {
        MinuteObserver o = MinuteObserver.of(COW, T0, SampleRate.ofHz(10), Unit.G, MOVING_BY_POSTURE);
        for (int i = 0; i < 1800; i++) {
            double t = i / 10.0;
            double swing = t < 120 ? 0.3 * Math.sin(2 * Math.PI * 2 * t) : 0;
            // One minute walking (head up), one grazing (head down), one minute quiet with the head still down.
            double y = t >= 60 ? 0.8 : 0;
            o.add(swing, y, Math.sqrt(1 - y * y));
        }

        // Twelve moving windows; the first one after the head goes down may still count as walking, because
        // its mean gravity averages the step change through the low-pass (τ = 2 s). Quiet windows teach nothing.
        assertEquals(12, o.posture().walkingWindows() + o.posture().grazingWindows(), o.posture().toString());
        assertTrue(o.posture().walkingWindows() >= 6 && o.posture().grazingWindows() >= 5, o.posture().toString());
        PostureReference restored = MinuteObserver.restore(COW, T0, SampleRate.ofHz(10), Unit.G, MOVING_BY_POSTURE,
                o.state()).posture();
        assertEquals(o.posture(), restored);
        MinuteObserver next = MinuteObserver.of(COW, T0.plusSeconds(3600), SampleRate.ofHz(10), Unit.G,
                MOVING_BY_POSTURE, o.posture());
        assertEquals(o.posture(), next.posture(), "a new stream of the same cow starts from her reference");
    }
}
