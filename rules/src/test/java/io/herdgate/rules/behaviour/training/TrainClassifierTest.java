package io.herdgate.rules.behaviour.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.rules.behaviour.Behaviour;
import io.herdgate.rules.feature.Axes;
import io.herdgate.rules.feature.WindowFeatures;
import io.herdgate.rules.series.CowId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TrainClassifierTest {

    private static final WindowFeatures STILL = WindowFeatures.of(0, 10, 100, 0, 0, 0, Axes.of(0, 0, -1),
            Axes.of(0, 0, 0), OptionalDouble.of(0), 0, 0, 0, 0);

    private static List<LabelledWindow> windows(String cow, Behaviour b, int n) {
        List<LabelledWindow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(LabelledWindow.of(CowId.of(cow), cow + "/" + b.label() + ".csv", b, STILL));
        }
        return out;
    }

    @Test
    void weights_everyClassHasTheSameTotal_sharedEquallyByTheCowsShowingIt() {
        List<LabelledWindow> all = new ArrayList<>();
        all.addAll(windows("a", Behaviour.STANDING, 90));
        all.addAll(windows("b", Behaviour.STANDING, 10));
        all.addAll(windows("a", Behaviour.RESTING, 20));

        double[] w = TrainClassifier.weights(all);

        // 120 windows, 2 classes: 60 per class; standing split 30 / 30 between cows a and b.
        assertEquals(30.0 / 90, w[0], 1e-12);
        assertEquals(30.0 / 10, w[90], 1e-12);
        assertEquals(60.0 / 20, w[100], 1e-12);
        double total = 0;
        for (double v : w) {
            total += v;
        }
        assertEquals(all.size(), total, 1e-9);
    }
}
