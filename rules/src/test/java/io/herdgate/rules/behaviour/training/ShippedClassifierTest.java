package io.herdgate.rules.behaviour.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.behaviour.BehaviourSmoother;
import io.herdgate.rules.behaviour.ClassMetrics;
import io.herdgate.rules.behaviour.ClassifierMetrics;
import io.herdgate.rules.behaviour.ClassifierModel;
import io.herdgate.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retrains the shipped classifier on the collar_10hz data and checks it against the shipped resource. With
 * {@code -Dherdgate.train.out=<file>} it also writes the retrained model there (how the resource is made).
 */
class ShippedClassifierTest {

    /**
     * Floor for the leave-one-cow-out balanced accuracy of the shipped classifier (measured 0.785). The project
     * target is 0.85; resting and standing are not yet separated well enough to reach it (FEATURES.md).
     */
    private static final double BALANCED_ACCURACY_FLOOR = 0.77;

    /**
     * Floor for the same figure when each decision pools the window and the two before it within one
     * recording, as {@code MinuteObserver} does live (measured 0.806).
     */
    private static final double SMOOTHED_BALANCED_ACCURACY_FLOOR = 0.80;

    private static ClassifierModel trained;

    @BeforeAll
    static void train() throws IOException {
        trained = TrainClassifier.train(SharedData.dir("behaviour/collar_10hz"));
        String out = System.getProperty("herdgate.train.out");
        if (out != null && !out.isBlank()) {
            Files.writeString(Path.of(out), trained.toJson(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void leaveOneCowOut_balancedAccuracy_reachesTheFloor() {
        double ba = trained.metrics().balancedAccuracy();
        assertTrue(ba >= BALANCED_ACCURACY_FLOOR, "balanced accuracy " + ba + " < " + BALANCED_ACCURACY_FLOOR
                + "; per class " + trained.metrics().perClass());
    }

    @Test
    void leaveOneCowOut_withShippedSmoothing_beatsSingleWindowsAndReachesItsFloor() {
        ClassifierMetrics smoothed = TrainClassifier.evaluateSmoothed(SharedData.dir("behaviour/collar_10hz"),
                BehaviourSmoother.SHIPPED_WINDOWS);
        double ba = smoothed.balancedAccuracy();
        assertTrue(ba >= SMOOTHED_BALANCED_ACCURACY_FLOOR && ba > trained.metrics().balancedAccuracy(),
                "smoothed balanced accuracy " + ba + " (floor " + SMOOTHED_BALANCED_ACCURACY_FLOOR + ", single windows "
                        + trained.metrics().balancedAccuracy() + "); per class " + smoothed.perClass());
        assertEquals(trained.metrics().confusion().stream().flatMap(r -> r.stream()).mapToInt(i -> i).sum(),
                smoothed.confusion().stream().flatMap(r -> r.stream()).mapToInt(i -> i).sum());
    }

    @Test
    void leaveOneCowOut_activeBehaviours_areRecognisedReliably() {
        ClassMetrics grazing = trained.metrics().perClass().get("grazing");
        ClassMetrics walking = trained.metrics().perClass().get("walking");
        assertTrue(grazing.recall() >= 0.9 && grazing.precision() >= 0.9, "grazing " + grazing);
        assertTrue(walking.recall() >= 0.75 && walking.precision() >= 0.75, "walking " + walking);
    }

    @Test
    void leaveOneCowOut_everyCowIsHeldOutOnce_andEveryWindowIsScored() {
        assertTrue(trained.metrics().method().contains("over 7 cows"), trained.metrics().method());
        int scored = trained.metrics().confusion().stream().flatMap(r -> r.stream()).mapToInt(i -> i).sum();
        int trainedOn = trained.training().windowsPerClass().values().stream().mapToInt(i -> i).sum();
        assertEquals(trainedOn, scored);
    }

    @Test
    void shippedResource_isExactlyWhatTheTrainerProduces() {
        assertEquals(trained, ClassifierModel.shipped(),
                ClassifierModel.SHIPPED_RESOURCE + " is stale; regenerate it with " + TrainClassifier.COMMAND);
    }
}
