package io.herdgate.rules.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoutFilterTest {

    private static final List<Behaviour> CLASSES = List.of(Behaviour.RESTING, Behaviour.STANDING, Behaviour.WALKING);
    /** Lying lasts long, standing a minute, walking 15 s. */
    private static final List<Double> MEAN_BOUT_S = List.of(800.0, 60.0, 15.0);
    private static final ClassProbabilities LYING = p(0.8, 0.15, 0.05);
    private static final ClassProbabilities LEANING_STANDING = p(0.35, 0.6, 0.05);
    private static final ClassProbabilities CLEARLY_STANDING = p(0.05, 0.9, 0.05);

    private static ClassProbabilities p(double resting, double standing, double walking) {
        return ClassProbabilities.of(CLASSES, List.of(resting, standing, walking));
    }

    private static BoutFilter filter() {
        return BoutFilter.of(CLASSES, MEAN_BOUT_S, 10);
    }

    @Test
    void add_firstWindowOfARecording_isDecidedByItsOwnProbabilities() {
        Classification c = filter().add(LEANING_STANDING);

        assertEquals(Behaviour.STANDING, c.behaviour());
        assertEquals(0.6, c.confidence(), 1e-12);
    }

    @Test
    void add_anIsolatedDoubtfulWindowInALyingBout_staysLying() {
        BoutFilter f = filter();
        for (int i = 0; i < 6; i++) {
            f.add(LYING);
        }

        assertEquals(Behaviour.RESTING, f.add(LEANING_STANDING).behaviour());
        assertEquals(Behaviour.STANDING, BoutFilter.none(CLASSES).add(LEANING_STANDING).behaviour());
    }

    @Test
    void add_clearEvidenceOfANewBehaviour_takesOverWithinAFewWindows() {
        BoutFilter f = filter();
        for (int i = 0; i < 30; i++) {
            f.add(LYING);
        }
        int windows = 0;
        while (f.add(CLEARLY_STANDING).behaviour() != Behaviour.STANDING) {
            windows++;
            assertTrue(windows < 4, "still lying after " + windows + " clearly standing windows");
        }
    }

    @Test
    void reset_forgetsTheRecording() {
        BoutFilter f = filter();
        for (int i = 0; i < 6; i++) {
            f.add(LYING);
        }
        f.reset();

        assertEquals(Optional.empty(), f.belief());
        assertEquals(Behaviour.STANDING, f.add(LEANING_STANDING).behaviour());
    }

    @Test
    void restore_continuesExactlyFromTheSavedBelief() {
        BoutFilter f = filter();
        f.add(LYING);
        f.add(LEANING_STANDING);
        BoutFilter copy = filter().restore(f.belief());

        assertEquals(f.add(CLEARLY_STANDING), copy.add(CLEARLY_STANDING));
        assertEquals(f.belief(), copy.belief());
    }

    @Test
    void belief_sumsToOne_andIsOverTheFiltersClasses() {
        BoutFilter f = filter();
        f.add(LYING);
        ClassProbabilities b = f.belief().orElseThrow();

        assertEquals(CLASSES, b.classes());
        assertEquals(1.0, b.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void of_invalidBoutLengths_areRejectedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoutFilter.of(CLASSES, List.of(800.0, 0.0, 15.0), 10));
        assertTrue(e.getMessage().contains("[800.0, 0.0, 15.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BoutFilter.of(CLASSES, List.of(800.0), 10));
    }

    @Test
    void add_windowOfOtherClasses_isRejected() {
        ClassProbabilities other = ClassProbabilities.of(List.of(Behaviour.GRAZING, Behaviour.WALKING),
                List.of(0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> filter().add(other));
    }
}
