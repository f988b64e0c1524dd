package io.herdgate.rules.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.behaviour.training.TrainClassifier;
import io.herdgate.rules.feature.FeatureExtractor;
import io.herdgate.rules.feature.FeatureSettings;
import io.herdgate.rules.feature.SampleRate;
import io.herdgate.rules.feature.Unit;
import io.herdgate.rules.feature.WindowFeatures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BehaviourClassifierTest {

    /** One 10 s window at 10 Hz: collar hanging as on the data set's cows, plus noise and a head swing. */
    private static WindowFeatures window(double noiseMg, double swingMg, double swingHz, double headDown) {
        FeatureExtractor ex = FeatureExtractor.of(FeatureSettings.of(SampleRate.ofHz(10), Unit.G, 10));
        Random rnd = new Random(7);
        WindowFeatures last = null;
        for (int i = 0; i < 300; i++) {
            double swing = swingMg / 1000 * Math.sin(2 * Math.PI * swingHz * i / 10.0);
            double y = 0.15 + 0.55 * headDown;
            double z = -Math.sqrt(1 - y * y);
            last = ex.add(0.2 + swing + rnd.nextGaussian() * noiseMg / 1000, y + rnd.nextGaussian() * noiseMg / 1000,
                    z + swing / 2 + rnd.nextGaussian() * noiseMg / 1000).orElse(last);
        }
        return last;
    }

    @Test
    void shipped_classifiesAStillCollarAsRestingOrStanding() {
        Classification c = BehaviourClassifier.shipped().classify(window(10, 0, 1, 0));

        assertTrue(c.behaviour() == Behaviour.RESTING || c.behaviour() == Behaviour.STANDING, c.toString());
        assertTrue(c.confidence() > 0.25 && c.confidence() <= 1, c.toString());
    }

    @Test
    void shipped_classifiesVigorousHeadDownMovementAsGrazing() {
        Classification c = BehaviourClassifier.shipped().classify(window(120, 400, 2.5, 1));

        assertEquals(Behaviour.GRAZING, c.behaviour(), c.toString());
    }

    @Test
    void shipped_isTheTrainersVersionWithItsFeaturesAndValidFromFiveHz() {
        ClassifierModel m = ClassifierModel.shipped();

        assertEquals(TrainClassifier.VERSION, m.version());
        assertEquals(List.of(ClassifierFeature.values()).stream().map(ClassifierFeature::key).toList(), m.features());
        assertEquals(List.of("resting", "standing", "grazing", "walking"), m.classes());
        assertEquals(5.0, BehaviourClassifier.shipped().minRateHz());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json | {oops | not a classifier model",
            "wrong kind | {\"version\":1,\"kind\":\"tree\",\"features\":[],\"classes\":[],\"mean\":[],\"scale\":[],"
                    + "\"weights\":[],\"bias\":[],\"minRateHz\":5} | kind must be",
            "unknown feature | {\"version\":1,\"kind\":\"two-stage-logistic-regression\",\"features\":[\"colour\"],"
                    + "\"classes\":[],\"mean\":[],\"scale\":[],\"weights\":[],\"bias\":[],\"minRateHz\":5} "
                    + "| unknown feature 'colour'",
            "unknown class | {\"version\":1,\"kind\":\"two-stage-logistic-regression\",\"features\":[],"
                    + "\"classes\":[\"flying\"],\"mean\":[],\"scale\":[],\"weights\":[],\"bias\":[],\"minRateHz\":5} "
                    + "| unknown class 'flying', allowed: resting, standing",
            "short weights | {\"version\":1,\"kind\":\"two-stage-logistic-regression\",\"features\":[\"roughness\"],"
                    + "\"classes\":[\"resting\"],\"mean\":[0],\"scale\":[1],\"weights\":[[]],\"bias\":[0],"
                    + "\"minRateHz\":5} | weights need 1 rows of 1 values",
            "no second stage | {\"version\":3,\"kind\":\"two-stage-logistic-regression\",\"features\":[],"
                    + "\"classes\":[\"resting\",\"standing\"],\"mean\":[],\"scale\":[],\"weights\":[[],[]],"
                    + "\"bias\":[0,0],\"minRateHz\":5} | posture (second stage) is missing",
            "unknown posture feature | {\"version\":3,\"kind\":\"two-stage-logistic-regression\",\"features\":[],"
                    + "\"classes\":[\"resting\",\"standing\"],\"mean\":[],\"scale\":[],\"weights\":[[],[]],"
                    + "\"bias\":[0,0],\"posture\":{\"features\":[\"tail\"],\"classes\":[\"resting\",\"standing\"],"
                    + "\"mean\":[0],\"scale\":[1],\"weights\":[[0],[0]],\"bias\":[0,0]},\"minRateHz\":5} "
                    + "| posture: unknown feature 'tail'",
            "no bout lengths | {\"version\":4,\"kind\":\"two-stage-logistic-regression\",\"features\":[],"
                    + "\"classes\":[\"resting\",\"standing\"],\"mean\":[],\"scale\":[],\"weights\":[[],[]],"
                    + "\"bias\":[0,0],\"posture\":{\"features\":[\"pitch_from_walking\"],"
                    + "\"classes\":[\"resting\",\"standing\"],\"mean\":[0],\"scale\":[1],"
                    + "\"weights\":[[0],[0]],\"bias\":[0,0]},\"meanBoutS\":[60,0],\"minRateHz\":5} "
                    + "| meanBoutS needs 2 finite values > 0"})
    void read_malformedModel_isRejectedNamingTheSourceAndField(String name, String json, String expected) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ClassifierModel.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "my-model.json"));

        assertTrue(e.getMessage().startsWith("my-model.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void fromConfusion_computesPrecisionRecallAndBalancedAccuracy() {
        // true resting: 8 right, 2 as standing; true standing: 1 as resting, 3 right; no grazing windows.
        int[][] counts = {{8, 2, 0}, {1, 3, 0}, {0, 0, 0}};
        ClassifierMetrics m = ClassifierMetrics.fromConfusion("test",
                List.of(Behaviour.RESTING, Behaviour.STANDING, Behaviour.GRAZING), counts);

        assertEquals(0.8, m.perClass().get("resting").recall(), 1e-12);
        assertEquals(8.0 / 9, m.perClass().get("resting").precision(), 1e-12);
        assertEquals(0.75, m.perClass().get("standing").recall(), 1e-12);
        assertEquals(0, m.perClass().get("grazing").support());
        assertEquals((0.8 + 0.75) / 2, m.balancedAccuracy(), 1e-12, "classes without windows are not averaged");
        assertTrue(m.render().contains("balanced accuracy         0.775"), m.render());
        assertTrue(m.render().contains("  standing   windows     4   precision 0.600   recall 0.750"), m.render());    }

    @Test
    void fromFolds_poolsTheFoldsAndKeepsEachOne() {
        List<Behaviour> classes = List.of(Behaviour.RESTING, Behaviour.STANDING);
        ClassifierMetrics m = ClassifierMetrics.fromFolds("test", classes,
                Map.of("cow-a", new int[][] {{8, 2}, {0, 0}}, "cow-b", new int[][] {{0, 0}, {1, 3}}));

        assertEquals(List.of(List.of(8, 2), List.of(1, 3)), m.confusion());
        assertEquals(List.of(List.of(0, 0), List.of(1, 3)), m.foldConfusion().get("cow-b"));
        assertEquals((0.8 + 0.75) / 2, m.balancedAccuracy(), 1e-12);
        assertTrue(m.render().contains("cow-a    [[8, 2], [0, 0]]"), m.render());
    }
}
