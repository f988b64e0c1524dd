package io.herdgate.rules.behaviour.training;

import io.herdgate.rules.behaviour.Behaviour;
import io.herdgate.rules.behaviour.BehaviourSmoother;
import io.herdgate.rules.behaviour.ClassProbabilities;
import io.herdgate.rules.behaviour.ClassifierFeature;
import io.herdgate.rules.behaviour.ClassifierMetrics;
import io.herdgate.rules.behaviour.ClassifierModel;
import io.herdgate.rules.behaviour.TrainingInfo;
import io.herdgate.rules.feature.FeatureExtractor;
import io.herdgate.rules.feature.FeatureSettings;
import io.herdgate.rules.series.CowId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains the shipped behaviour classifier on the collar_10hz data set: leave-one-cow-out evaluation (each
 * cow's windows are predicted by a model fitted on the other cows only, so no bout is in both train and
 * test), then one fit on all cows. Classes are weighted so each has the same total weight (resting has few
 * long bouts, walking many short ones), shared equally among the cows showing the class
 * ({@link #weights}); rare labels ({@link Behaviour#OTHER}) are left out of training and figures.
 *
 * <p>Run through {@code ShippedClassifierTest}, which writes the model file when asked ({@link #COMMAND},
 * {@code rules/FEATURES.md}).
 */
public final class TrainClassifier {

    /** Version written into the model; bump it when the features or training change. */
    public static final int VERSION = 2;
    /** Behaviours the model distinguishes, in model row order. */
    public static final List<Behaviour> CLASSES =
            List.of(Behaviour.RESTING, Behaviour.STANDING, Behaviour.GRAZING, Behaviour.WALKING);
    /** Inputs of the model, in column order. */
    public static final List<ClassifierFeature> FEATURES = List.of(ClassifierFeature.values());
    /** The command documented in the model file. */
    static final String COMMAND = "mvn -B -o -pl rules -am test -Dsurefire.failIfNoSpecifiedTests=false "
            + "-Dtest=ShippedClassifierTest -Dherdgate.train.out=<path of " + ClassifierModel.SHIPPED_RESOURCE + ">";

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
                "each class weighted to the same total, shared equally among the cows showing it (weight = windows / "
                        + "(classes × cows with the class × the cow's windows of the class))",
                SoftmaxTrainer.SHIPPED.l2(), SoftmaxTrainer.SHIPPED.iterations(), SoftmaxTrainer.SHIPPED.learningRate());
        return new ClassifierModel(VERSION, ClassifierModel.KIND,
                FEATURES.stream().map(ClassifierFeature::key).toList(),
                CLASSES.stream().map(Behaviour::label).toList(),
                boxed(fit.mean()), boxed(fit.scale()),
                Arrays.stream(fit.weights()).map(TrainClassifier::boxed).toList(), boxed(fit.bias()),
                FeatureExtractor.MIN_STEP_RATE_HZ, info, metrics);
    }

    /** Leave-one-cow-out figures of the shipped training on the data set in {@code dir}, without the final fit. */
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

    /** Pooled confusion over folds, each fold holding out every window of one cow; each window on its own. */
    public static ClassifierMetrics leaveOneCowOut(List<LabelledWindow> windows) {
        return leaveOneCowOut(windows, 1);
    }

    /**
     * Leave-one-cow-out figures of {@link #evaluate(Path)} with the held-out cow's decisions made by a
     * {@link BehaviourSmoother} pooling {@code smoothingWindows} windows, as {@code MinuteObserver} does
     * live. Each bout file is one recording: the smoother is reset at every file, so no evidence crosses
     * from one bout (or label) to the next.
     */
    public static ClassifierMetrics evaluateSmoothed(Path dir, int smoothingWindows) {
        return leaveOneCowOut(windows(dir), smoothingWindows);
    }

    private static ClassifierMetrics leaveOneCowOut(List<LabelledWindow> windows, int smoothingWindows) {
        Map<String, int[][]> folds = new LinkedHashMap<>();
        TreeSet<CowId> cows = cows(windows);
        for (CowId held : cows) {
            int[][] confusion = new int[CLASSES.size()][CLASSES.size()];
            folds.put(held.value(), confusion);
            List<LabelledWindow> train = windows.stream().filter(w -> !w.cow().equals(held)).toList();
            SoftmaxTrainer.Fit fit = fit(train);
            BehaviourSmoother smoother = BehaviourSmoother.of(smoothingWindows);
            String bout = "";
            for (LabelledWindow w : windows) {
                if (w.cow().equals(held)) {
                    if (!w.bout().equals(bout)) {
                        smoother.reset();
                        bout = w.bout();
                    }
                    Behaviour predicted = smoother.add(probabilities(fit, w)).behaviour();
                    confusion[CLASSES.indexOf(w.behaviour())][CLASSES.indexOf(predicted)]++;
                }
            }
        }
        String method = "leave-one-cow-out over " + cows.size() + " cows, confusion pooled over folds";
        return ClassifierMetrics.fromFolds(smoothingWindows == 1 ? method
                : method + ", causal smoothing over " + smoothingWindows + " windows within each bout", CLASSES,
                folds);
    }

    private static SoftmaxTrainer.Fit fit(List<LabelledWindow> windows) {
        int n = windows.size();
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = featureRow(windows.get(i));
            y[i] = CLASSES.indexOf(windows.get(i).behaviour());
        }
        return SoftmaxTrainer.SHIPPED.fit(x, y, weights(windows), CLASSES.size());
    }

    /**
     * Weight of each window: every class gets the same total, shared equally among the cows that show it,
     * and within one cow equally among her windows of that class, i.e. {@code n / (classes × cows showing
     * the class × the cow's windows of the class)}. One cow with many windows of a class (cow 1219 holds
     * 81 of the 201 standing windows) then cannot define the class alone.
     */
    static double[] weights(List<LabelledWindow> windows) {
        Map<Behaviour, Map<CowId, Integer>> counts = new EnumMap<>(Behaviour.class);
        for (LabelledWindow w : windows) {
            counts.computeIfAbsent(w.behaviour(), b -> new TreeMap<>()).merge(w.cow(), 1, Integer::sum);
        }
        double n = windows.size();
        return windows.stream().mapToDouble(w -> {
            Map<CowId, Integer> perCow = counts.get(w.behaviour());
            return n / (counts.size() * perCow.size() * perCow.get(w.cow()));
        }).toArray();
    }

    /** Softmax of the fitted scores for {@code w}, with {@link StrictMath#exp} like the trainer. */
    private static ClassProbabilities probabilities(SoftmaxTrainer.Fit fit, LabelledWindow w) {
        double[] x = featureRow(w);
        double[] s = new double[fit.bias().length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < s.length; k++) {
            s[k] = fit.bias()[k];
            for (int j = 0; j < x.length; j++) {
                s[k] += fit.weights()[k][j] * (x[j] - fit.mean()[j]) / fit.scale()[j];
            }
            max = Math.max(max, s[k]);
        }
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            s[k] = StrictMath.exp(s[k] - max);
            sum += s[k];
        }
        List<Double> p = new ArrayList<>(s.length);
        for (double v : s) {
            p.add(v / sum);
        }
        return ClassProbabilities.of(CLASSES, p);
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
