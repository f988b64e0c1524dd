package io.herdgate.rules.evaluation;

import io.herdgate.rules.behaviour.training.LeaveOneCowOut;
import io.herdgate.rules.behaviour.training.TrainClassifier;
import java.nio.file.Path;

/**
 * The behaviour classifier's figures for the evaluation report: leave-one-cow-out on
 * {@code behaviour/collar_10hz} with the training settings of the shipped model (about 20 s on one core).
 * {@link LeaveOneCowOut#render()} prints them in the report's layout.
 */
public final class ClassificationEvaluation {

    private ClassificationEvaluation() {
    }

    /**
     * @param dataDir the datasets folder (holding {@code behaviour/collar_10hz/index.csv})
     * @throws io.herdgate.rules.behaviour.training.DatasetException when a file is missing or malformed
     *         (the message names file:line)
     */
    public static LeaveOneCowOut run(Path dataDir) {
        return TrainClassifier.evaluate(dataDir.resolve("behaviour").resolve("collar_10hz"));
    }
}
