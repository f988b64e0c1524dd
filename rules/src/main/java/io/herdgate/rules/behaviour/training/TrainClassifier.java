package io.herdgate.rules.behaviour.training;

import io.herdgate.rules.behaviour.Behaviour;
import io.herdgate.rules.behaviour.ClassifierFeature;
import io.herdgate.rules.behaviour.ClassifierMetrics;
import io.herdgate.rules.behaviour.ClassifierModel;
import io.herdgate.rules.behaviour.TrainingInfo;
import io.herdgate.rules.feature.FeatureExtractor;
import io.herdgate.rules.feature.FeatureSettings;
import io.herdgate.rules.series.CowId;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Trains classifier-v1 on the collar_10hz data set: leave-one-cow-out evaluation (each cow's windows
 * are predicted by a model fitted on the other cows only, so no bout is in both train and test), then one
 * fit on all cows. Classes are weighted so each has the same total weight (resting has few long bouts,
 * walking many short ones); rare labels ({@link Behaviour#OTHER}) are left out of training and figures.
 *
 * <p>Run through {@code ShippedClassifierTest}, which writes the model file when asked ({@link #COMMAND},
 * {@code rules/FEATURES.md}).
 */
public final class TrainClassifier {

    /** Version written into the model; bump it when the features or training change. */
    public static final int VERSION = 1;
    /** Behaviours the model distinguishes, in model row order. */
    public static final List<Behaviour> CLASSES =
            List.of(Behaviour.RESTING, Behaviour.STANDING, Behaviour.GRAZING, Behaviour.WALKING);
    /** Inputs of the model, in column order. */
    public static final List<ClassifierFeature> FEATURES = List.of(ClassifierFeature.values());
    /** The command documented in the model file. */
    static final String COMMAND = "mvn -B -o -pl rules -am test -Dsurefire.failIfNoSpecifiedTests=false "
            + "-Dtest=ShippedClassifierTest -Dherdgate.train.out=<path of classifier-v1.json>";

    private TrainClassifier() {
    }

    /** Evaluates leave-one-cow-out, then fits on every cow of the data set in {@code dir}. */
    public static ClassifierModel train(Path dir) {
        List<LabelledWindow> windows = windows(dir);
        ClassifierMetrics metrics = leaveOneCowOut(windows);
        SoftmaxTrainer.Fit fit = fit(windows);
        Map<String, Integer> perClass = new LinkedHashMap<>();
        for (Behaviour b : CLASSES) {
            perClass.put(b.label(), (int) windows.stream().filter(w -> w.behaviour() == b).count());
        }
        TrainingInfo info = new TrainingInfo(
                "collar_10hz (WASP-lab db-cow-walking, DEV split): " + cows(windows).size()
                        + " Holstein cows, BNO055 neck collar, m/s², labelled bouts cut into windows per bout",
                COMMAND, FeatureSettings.CLASSIFICATION_WINDOW_S, CollarDataset.RATE_HZ, perClass,
                "each class weighted to the same total (weight = windows / (classes × class windows))",
                SoftmaxTrainer.V1.l2(), SoftmaxTrainer.V1.iterations(), SoftmaxTrainer.V1.learningRate());
        return new ClassifierModel(VERSION, ClassifierModel.KIND,
                FEATURES.stream().map(ClassifierFeature::key).toList(),
                CLASSES.stream().map(Behaviour::label).toList(),
                boxed(fit.mean()), boxed(fit.scale()),
                Arrays.stream(fit.weights()).map(TrainClassifier::boxed).toList(), boxed(fit.bias()),
                FeatureExtractor.MIN_STEP_RATE_HZ, info, metrics);
    }

    /** Leave-one-cow-out figures of the v1 training on the data set in {@code dir}, without the final fit. */
    public static ClassifierMetrics evaluate(Path dir) {
        return leaveOneCowOut(windows(dir));
    }

    private static List<LabelledWindow> windows(Path dir) {
        List<LabelledWindow> windows = CollarDataset.windows(dir, FeatureSettings.CLASSIFICATION_WINDOW_S).stream()
                .filter(w -> CLASSES.contains(w.behaviour())).toList();
        if (windows.isEmpty()) {
            throw new DatasetException(dir + ": no labelled windows of " + CLASSES);
        }
        return windows;
    }

    /** Pooled confusion over folds, each fold holding out every window of one cow. */
    public static ClassifierMetrics leaveOneCowOut(List<LabelledWindow> windows) {
        int[][] confusion = new int[CLASSES.size()][CLASSES.size()];
        TreeSet<CowId> cows = cows(windows);
        for (CowId held : cows) {
            List<LabelledWindow> train = windows.stream().filter(w -> !w.cow().equals(held)).toList();
            SoftmaxTrainer.Fit fit = fit(train);
            for (LabelledWindow w : windows) {
                if (w.cow().equals(held)) {
                    confusion[CLASSES.indexOf(w.behaviour())][predict(fit, w)]++;
                }
            }
        }
        return ClassifierMetrics.fromConfusion("leave-one-cow-out over " + cows.size() + " cows, "
                + "confusion pooled over folds", CLASSES, confusion);
    }

    private static SoftmaxTrainer.Fit fit(List<LabelledWindow> windows) {
        int n = windows.size();
        double[][] x = new double[n][];
        int[] y = new int[n];
        int[] count = new int[CLASSES.size()];
        for (int i = 0; i < n; i++) {
            x[i] = featureRow(windows.get(i));
            y[i] = CLASSES.indexOf(windows.get(i).behaviour());
            count[y[i]]++;
        }
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            weight[i] = (double) n / (CLASSES.size() * count[y[i]]);
        }
        return SoftmaxTrainer.V1.fit(x, y, weight, CLASSES.size());
    }

    private static int predict(SoftmaxTrainer.Fit fit, LabelledWindow w) {
        double[] x = featureRow(w);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < fit.bias().length; k++) {
            double s = fit.bias()[k];
            for (int j = 0; j < x.length; j++) {
                s += fit.weights()[k][j] * (x[j] - fit.mean()[j]) / fit.scale()[j];
            }
            if (s > bestScore) {
                bestScore = s;
                best = k;
            }
        }
        return best;
    }

    private static double[] featureRow(LabelledWindow w) {
        return FEATURES.stream().mapToDouble(f -> f.of(w.features())).toArray();
    }

    private static TreeSet<CowId> cows(List<LabelledWindow> windows) {
        TreeSet<CowId> cows = new TreeSet<>();
        windows.forEach(w -> cows.add(w.cow()));
        return cows;
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
