package io.herdgate.rules.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassProbabilitiesTest {

    private static final List<Behaviour> CLASSES = List.of(Behaviour.RESTING, Behaviour.STANDING, Behaviour.GRAZING);

    @Test
    void best_mostProbableClass_withItsProbability() {
        assertEquals(Classification.of(Behaviour.STANDING, 0.5),
                ClassProbabilities.of(CLASSES, List.of(0.2, 0.5, 0.3)).best());
    }

    @Test
    void best_tie_takesTheFirstClass() {
        assertEquals(Behaviour.RESTING, ClassProbabilities.of(CLASSES, List.of(0.4, 0.4, 0.2)).best().behaviour());
    }

    @Test
    void of_valuesNotSummingToOne_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClassProbabilities.of(CLASSES, List.of(0.5, 0.5, 0.5)));
    }

    @Test
    void of_oneValueMissing_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClassProbabilities.of(CLASSES, List.of(0.5, 0.5)));
    }

    @Test
    void of_duplicateClass_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClassProbabilities.of(
                List.of(Behaviour.RESTING, Behaviour.RESTING), List.of(0.5, 0.5)));
    }
}
