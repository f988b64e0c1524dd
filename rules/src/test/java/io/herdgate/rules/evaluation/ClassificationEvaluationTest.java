package io.herdgate.rules.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.rules.behaviour.ClassifierModel;
import io.herdgate.rules.behaviour.training.LeaveOneCowOut;
import io.herdgate.testing.SharedData;
import org.junit.jupiter.api.Test;

class ClassificationEvaluationTest {

    @Test
    void run_onTheDatasets_givesTheShippedModelsLeaveOneCowOutFigures() {
        LeaveOneCowOut m = ClassificationEvaluation.run(SharedData.dataDir());

        ClassifierModel shipped = ClassifierModel.shipped();
        assertEquals(shipped.metrics(), m.windows());
        assertEquals(shipped.smoothedMetrics(), m.perRecording());
        assertEquals(shipped.streamMetrics(), m.stream());
    }
}
