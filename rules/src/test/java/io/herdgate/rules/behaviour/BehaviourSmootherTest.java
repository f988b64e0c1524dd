package io.herdgate.rules.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BehaviourSmootherTest {

    private static final List<Behaviour> CLASSES = List.of(Behaviour.RESTING, Behaviour.STANDING);

    private static ClassProbabilities resting(double p) {
        return ClassProbabilities.of(CLASSES, List.of(p, 1 - p));
    }

    @Test
    void add_oneWindow_keepsItsOwnDecision() {
        Classification c = BehaviourSmoother.of(3).add(resting(0.7));
        assertEquals(Behaviour.RESTING, c.behaviour());
        assertEquals(0.7, c.confidence(), 1e-12);
    }

    @Test
    void add_isolatedDissentingWindow_isOutvotedByItsPredecessors() {
        BehaviourSmoother s = BehaviourSmoother.of(3);
        s.add(resting(0.9));
        s.add(resting(0.8));
        Classification c = s.add(resting(0.3));
        assertEquals(Behaviour.RESTING, c.behaviour());
        // Geometric means 0.9·0.8·0.3 and 0.1·0.2·0.7 (cube roots), normalised.
        double r = Math.cbrt(0.9 * 0.8 * 0.3);
        double st = Math.cbrt(0.1 * 0.2 * 0.7);
        assertEquals(r / (r + st), c.confidence(), 1e-12);
    }

    @Test
    void add_windowsOlderThanThePool_areForgotten() {
        BehaviourSmoother s = BehaviourSmoother.of(2);
        s.add(resting(0.99));
        s.add(resting(0.2));
        assertEquals(Behaviour.STANDING, s.add(resting(0.3)).behaviour(), "the 0.99 window left the pool");
    }

    @Test
    void reset_breakInTheRecording_startsAfresh() {
        BehaviourSmoother s = BehaviourSmoother.of(3);
        s.add(resting(0.95));
        s.add(resting(0.95));
        s.reset();
        assertEquals(Behaviour.STANDING, s.add(resting(0.4)).behaviour());
    }

    @Test
    void state_afterTheRingWrapped_isTheLastWindowsOldestFirst() {
        BehaviourSmoother s = BehaviourSmoother.of(3);
        for (double p : new double[] {0.1, 0.2, 0.3, 0.4, 0.5}) {
            s.add(resting(p));
        }
        assertEquals(List.of(resting(0.3), resting(0.4), resting(0.5)), s.state());
        s.reset();
        assertEquals(List.of(), s.state());
    }

    @Test
    void restore_fromState_continuesLikeTheOriginal() {
        BehaviourSmoother a = BehaviourSmoother.of(3);
        a.add(resting(0.9));
        a.add(resting(0.6));
        BehaviourSmoother b = BehaviourSmoother.restore(3, a.state());
        assertEquals(a.add(resting(0.2)), b.add(resting(0.2)));
    }

    @Test
    void add_certainZero_cannotVetoOnItsOwn() {
        BehaviourSmoother s = BehaviourSmoother.of(3);
        s.add(resting(1));
        s.add(resting(1));
        assertEquals(Behaviour.RESTING, s.add(resting(0)).behaviour());
    }

    @Test
    void add_otherClassesWithinOneRecording_isRejected() {
        BehaviourSmoother s = BehaviourSmoother.of(3);
        s.add(resting(0.5));
        assertThrows(IllegalArgumentException.class, () -> s.add(
                ClassProbabilities.of(List.of(Behaviour.GRAZING, Behaviour.WALKING), List.of(0.5, 0.5))));
    }

    @Test
    void of_noWindows_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> BehaviourSmoother.of(0));
    }
}
