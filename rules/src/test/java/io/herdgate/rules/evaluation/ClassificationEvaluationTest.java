package io.herdgate.rules.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.rules.behaviour.ClassifierMetrics;
import io.herdgate.rules.behaviour.ClassifierModel;
import io.herdgate.testing.SharedData;
import org.junit.jupiter.api.Test;

class ClassificationEvaluationTest {

    @Test
    void run_onTheDatasets_givesTheShippedModelsLeaveOneCowOutFigures() {
        ClassifierMetrics m = ClassificationEvaluation.run(SharedData.dataDir());

        assertEquals(ClassifierModel.shipped().metrics(), m);
    }
}
