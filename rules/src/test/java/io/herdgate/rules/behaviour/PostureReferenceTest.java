package io.herdgate.rules.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.feature.Axes;
import io.herdgate.rules.feature.FeatureExtractor;
import io.herdgate.rules.feature.FeatureSettings;
import io.herdgate.rules.feature.SampleRate;
import io.herdgate.rules.feature.Unit;
import io.herdgate.rules.feature.WindowFeatures;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostureReferenceTest {

    private static final List<Behaviour> CLASSES =
            List.of(Behaviour.RESTING, Behaviour.STANDING, Behaviour.GRAZING, Behaviour.WALKING);
    private static final ClassProbabilities WALKING = ClassProbabilities.of(CLASSES, List.of(0.1, 0.1, 0.1, 0.7));
    private static final ClassProbabilities GRAZING = ClassProbabilities.of(CLASSES, List.of(0.0, 0.1, 0.8, 0.1));
    private static final ClassProbabilities UNSURE = ClassProbabilities.of(CLASSES, List.of(0.3, 0.3, 0.0, 0.4));

    /** Head carried forward: gravity mostly along −z, a little along +y (as on most cows of the data set). */
    private static final Axes WALK = Axes.of(0, 0.3, -0.95);
    /** Head down: gravity tilted further into +y. */
    private static final Axes GRAZE = Axes.of(0, 0.75, -0.66);

    private static WindowFeatures window(Axes gravityG) {
        return WindowFeatures.of(0, 10, 100, 50, 10, 60, gravityG, Axes.of(1, 1, 1), OptionalDouble.of(0.1), 0, 1,
                1, 5);
    }

    private static PostureReference learnt(Axes walk, Axes graze, int windows) {
        PostureReference r = PostureReference.EMPTY;
        for (int i = 0; i < windows; i++) {
            r = r.learn(WALKING, window(walk)).learn(GRAZING, window(graze));
        }
        return r;
    }

    @Test
    void angles_areEmpty_untilWalkingAndGrazingEachHaveTheMinimumWindows() {
        PostureReference r = PostureReference.EMPTY;
        for (int i = 0; i < PostureReference.MIN_WINDOWS; i++) {
            assertTrue(r.angles(WALK).isEmpty(), "after " + i + " windows of each");
            r = r.learn(WALKING, window(WALK));
            assertTrue(r.angles(WALK).isEmpty(), "no grazing yet");
            r = r.learn(GRAZING, window(GRAZE));
        }
        assertTrue(r.angles(WALK).isPresent());
    }

    @Test
    void learn_onlyWindowsConfidentlyWalkingOrGrazing_joinTheReference() {
        PostureReference r = PostureReference.EMPTY.learn(UNSURE, window(WALK)).learn(WALKING, window(Axes.of(0, 0, 0)));

        assertEquals(PostureReference.EMPTY, r, "an unsure window and one without gravity change nothing");
        r = r.learn(WALKING, window(WALK)).learn(GRAZING, window(GRAZE));
        assertEquals(1, r.walkingWindows());
        assertEquals(1, r.grazingWindows());
    }

    @Test
    void angles_measureHeadHeightInThePlaneOfTheCowsOwnPostures() {
        PostureReference r = learnt(WALK, GRAZE, 5);

        PostureAngles atWalking = r.angles(WALK).orElseThrow();
        PostureAngles atGrazing = r.angles(GRAZE).orElseThrow();
        PostureAngles headUp = r.angles(Axes.of(0, -0.1, -0.99)).orElseThrow();
        PostureAngles sideways = r.angles(Axes.of(0.3, 0.3, -0.9)).orElseThrow();

        assertEquals(0, atWalking.pitchDeg(), 1e-9);
        assertEquals(0, atWalking.fromWalkingDeg(), 1e-6);
        assertEquals(WALK.angleDeg(GRAZE), atGrazing.pitchDeg(), 1e-9, "grazing lies in the plane, head down");
        assertEquals(0, atGrazing.lateralDeg(), 1e-9);
        assertTrue(headUp.pitchDeg() < -10, "head held higher than when walking: " + headUp);
        assertTrue(sideways.lateralDeg() > 15 && Math.abs(sideways.pitchDeg()) < 5, sideways.toString());
    }

    /** Rotates a vector by {@code deg} about the collar's z axis. */
    private static UnaryOperator<Axes> turnedAboutZ(double deg) {
        double c = Math.cos(Math.toRadians(deg));
        double s = Math.sin(Math.toRadians(deg));
        return v -> Axes.of(c * v.x() - s * v.y(), s * v.x() + c * v.y(), v.z());
    }

    @ParameterizedTest(name = "collar turned by {0}°")
    @ValueSource(doubles = {90, 180, -90, 37})
    void angles_areTheSameForACollarTurnedAboutItsZAxis(double deg) {
        UnaryOperator<Axes> turn = turnedAboutZ(deg);
        Axes still = Axes.of(0.2, -0.05, -0.98);
        PostureAngles straight = learnt(WALK, GRAZE, 5).angles(still).orElseThrow();
        PostureAngles turned = learnt(turn.apply(WALK), turn.apply(GRAZE), 5).angles(turn.apply(still)).orElseThrow();

        assertEquals(straight.pitchDeg(), turned.pitchDeg(), 1e-9);
        assertEquals(straight.lateralDeg(), turned.lateralDeg(), 1e-9);
        assertEquals(straight.fromWalkingDeg(), turned.fromWalkingDeg(), 1e-6);
    }

    /** Features of one synthetic 10 s window at 10 Hz: a fixed posture, a head swing at 1.6 Hz and noise. */
    private static WindowFeatures synthetic(Axes posture, double swingMg, UnaryOperator<Axes> frame, long seed) {
        FeatureExtractor ex = FeatureExtractor.of(FeatureSettings.of(SampleRate.ofHz(10), Unit.G, 10));
        Random rnd = new Random(seed);
        double n = posture.norm();
        WindowFeatures last = null;
        for (int i = 0; i < 200; i++) {
            double swing = swingMg / 1000 * Math.sin(2 * Math.PI * 1.6 * i / 10.0);
            Axes a = Axes.of(posture.x() / n + swing + rnd.nextGaussian() * 0.02,
                    posture.y() / n + swing / 2 + rnd.nextGaussian() * 0.02,
                    posture.z() / n + rnd.nextGaussian() * 0.02);
            Axes s = frame.apply(a);
            last = ex.add(s.x(), s.y(), s.z()).orElse(last);
        }
        return last;
    }

    @ParameterizedTest(name = "raw samples turned by {0}°")
    @ValueSource(doubles = {90, 180})
    void angles_ofSyntheticSamples_areTheSameWhenTheRawSamplesAreTurned(double deg) {
        UnaryOperator<Axes> turn = turnedAboutZ(deg);
        PostureAngles[] angles = new PostureAngles[2];
        int k = 0;
        for (UnaryOperator<Axes> frame : List.<UnaryOperator<Axes>>of(UnaryOperator.identity(), turn)) {
            PostureReference r = PostureReference.EMPTY;
            for (int i = 0; i < 4; i++) {
                r = r.learn(WALKING, synthetic(WALK, 300, frame, i)).learn(GRAZING, synthetic(GRAZE, 200, frame, i));
            }
            angles[k++] = r.angles(synthetic(Axes.of(0.1, 0.1, -0.99), 10, frame, 99).gravityG()).orElseThrow();
        }
        assertEquals(angles[0].pitchDeg(), angles[1].pitchDeg(), 1e-6);
        assertEquals(angles[0].lateralDeg(), angles[1].lateralDeg(), 1e-6);
        assertEquals(angles[0].fromWalkingDeg(), angles[1].fromWalkingDeg(), 1e-6);
        assertTrue(angles[0].pitchDeg() < 0, "head higher than when walking: " + angles[0]);
    }

    @Test
    void learn_afterTheMemoryIsFull_followsACollarThatSlipsRoundTheNeck() {
        PostureReference r = learnt(WALK, GRAZE, PostureReference.MEMORY_WINDOWS + 10);
        assertEquals(PostureReference.MEMORY_WINDOWS, r.walkingWindows());

        UnaryOperator<Axes> slipped = turnedAboutZ(90);
        for (int i = 0; i < 3 * PostureReference.MEMORY_WINDOWS; i++) {
            r = r.learn(WALKING, window(slipped.apply(WALK))).learn(GRAZING, window(slipped.apply(GRAZE)));
        }
        PostureAngles a = r.angles(slipped.apply(WALK)).orElseThrow();
        assertTrue(a.fromWalkingDeg() < 3, "the old posture has faded: " + a);
    }

    @Test
    void angles_areEmpty_whenWalkingAndGrazingPointTheSameWay() {
        assertTrue(learnt(WALK, WALK, 5).angles(GRAZE).isEmpty());
    }

    @Test
    void of_rejectsWindowCountsOutsideTheMemory() {
        assertThrows(IllegalArgumentException.class, () -> PostureReference.of(WALK, -1, GRAZE, 0));
        assertThrows(IllegalArgumentException.class,
                () -> PostureReference.of(WALK, PostureReference.MEMORY_WINDOWS + 1, GRAZE, 0));
    }
}
