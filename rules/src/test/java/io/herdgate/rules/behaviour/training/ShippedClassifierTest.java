package io.herdgate.rules.behaviour.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
     * Floor for the leave-one-cow-out balanced accuracy of the shipped classifier (measured 0.823; v2 0.785).
     * The project target is 0.85; resting and standing are not yet separated well enough to reach it on
     * every cow (FEATURES.md).
     */
    private static final double BALANCED_ACCURACY_FLOOR = 0.81;

    /**
     * Floor for the same figure with the decisions through the bout filter, reset at every labelled bout file
     * (an upper bound: live, the filter is not told where bouts start; measured 0.863, v3's three-window
     * smoothing 0.837, v2 0.804).
     */
    private static final double FILTERED_BALANCED_ACCURACY_FLOOR = 0.85;

    private static ClassifierModel trained;

    @BeforeAll
    static void train() throws IOException {
        trained = TrainClassifier.train(SharedData.dir("behaviour/collar_10hz"));
        System.out.println(trained.metrics().render());
        System.out.println(trained.smoothedMetrics().render());
        System.out.println(trained.streamMetrics().render());
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
    void leaveOneCowOut_throughTheBoutFilter_beatsSingleWindowsAndReachesTheTarget() {
        ClassifierMetrics smoothed = trained.smoothedMetrics();
        assertTrue(smoothed.method().endsWith(TrainClassifier.FILTERED), smoothed.method());
        double ba = smoothed.balancedAccuracy();
        assertTrue(ba >= FILTERED_BALANCED_ACCURACY_FLOOR && ba > trained.metrics().balancedAccuracy(),
                "filtered balanced accuracy " + ba + " (floor " + FILTERED_BALANCED_ACCURACY_FLOOR + ", single windows "
                        + trained.metrics().balancedAccuracy() + "); per class " + smoothed.perClass());
        assertEquals(trained.metrics().confusion().stream().flatMap(r -> r.stream()).mapToInt(i -> i).sum(),
                smoothed.confusion().stream().flatMap(r -> r.stream()).mapToInt(i -> i).sum());
    }

    /**
     * With each cow's bouts run as one recording (every change of label inside the stream, as live) the filter
     * must still beat single windows (measured 0.827 against 0.823; v3's smoothing gave 0.778 so): it may
     * read a short bout after a long one late, but must not lose more than it gains.
     */
    @Test
    void leaveOneCowOut_withEveryBoutChangeInsideTheStream_stillBeatsSingleWindows() {
        ClassifierMetrics stream = trained.streamMetrics();
        assertTrue(stream.method().endsWith(TrainClassifier.STREAM), stream.method());
        assertTrue(stream.balancedAccuracy() > trained.metrics().balancedAccuracy(), "stream "
                + stream.balancedAccuracy() + ", single windows " + trained.metrics().balancedAccuracy());
    }

    @Test
    void leaveOneCowOut_activeBehaviours_areRecognisedReliably() {
        ClassMetrics grazing = trained.metrics().perClass().get("grazing");
        ClassMetrics walking = trained.metrics().perClass().get("walking");
        assertTrue(grazing.recall() >= 0.9 && grazing.precision() >= 0.9, "grazing " + grazing);
        assertTrue(walking.recall() >= 0.75 && walking.precision() >= 0.75, "walking " + walking);
    }

    @Test
    void leaveOneCowOut_stillBehaviours_areSeparatedByTheCowsOwnPosture() {
        // v1 recalled 0.45 of the standing windows, v2 0.587 (cow 1219's collar turned by 90°: 17 of her 81);
        // v3's second stage measures posture against each cow's own walking and grazing (measured 0.791).
        ClassMetrics standing = trained.metrics().perClass().get("standing");
        ClassMetrics resting = trained.metrics().perClass().get("resting");
        assertTrue(standing.recall() >= 0.75, "standing " + standing);
        assertTrue(resting.recall() >= 0.7 && resting.precision() >= 0.9, "resting " + resting);
        assertTrue(trained.metrics().foldConfusion().get("1219").get(1).get(1) >= 60,
                "cow 1219's standing windows recognised: " + trained.metrics().foldConfusion().get("1219"));
    }

    @Test
    void leaveOneCowOut_everyCowIsHeldOutOnce_andEveryWindowIsScored() {
        assertTrue(trained.metrics().method().contains("over 7 cows"), trained.metrics().method());
        int scored = trained.metrics().confusion().stream().flatMap(r -> r.stream()).mapToInt(i -> i).sum();
        int trainedOn = trained.training().windowsPerClass().values().stream().mapToInt(i -> i).sum();
        assertEquals(trainedOn, scored);
        assertEquals(7, trained.metrics().foldConfusion().size(), "one confusion matrix per held-out cow");
    }

    @Test
    void shippedResource_isExactlyWhatTheTrainerProduces() {
        assertEquals(trained, ClassifierModel.shipped(),
                ClassifierModel.SHIPPED_RESOURCE + " is stale; regenerate it with " + TrainClassifier.COMMAND);
    }
}
