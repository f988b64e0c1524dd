package io.herdgate.rules.behaviour.training;

import io.herdgate.rules.behaviour.Behaviour;
import io.herdgate.rules.behaviour.BehaviourClassifier;
import io.herdgate.rules.behaviour.BoutFilter;
import io.herdgate.rules.behaviour.ClassProbabilities;
import io.herdgate.rules.behaviour.ClassifierFeature;
import io.herdgate.rules.behaviour.ClassifierMetrics;
import io.herdgate.rules.behaviour.ClassifierModel;
import io.herdgate.rules.behaviour.PostureFeature;
import io.herdgate.rules.behaviour.PostureModel;
import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.behaviour.TrainingInfo;
import io.herdgate.rules.feature.FeatureExtractor;
import io.herdgate.rules.feature.FeatureSettings;
import io.herdgate.rules.series.CowId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains the shipped two-stage behaviour classifier on the collar_10hz data set and evaluates it
 * leave-one-cow-out: each cow's windows are predicted by a model fitted on the other cows only, so no bout is
 * in both train and test, then one model is fitted on all cows.
 *
 * <p>First stage: multinomial logistic regression on the window's {@link ClassifierFeature}s. Classes are
 * weighted so each has the same total weight, shared equally among the cows showing it ({@link #weights});
 * rare labels ({@link Behaviour#OTHER}) are left out of training and figures. Second stage: logistic
 * regression on the {@link PostureFeature}s of the resting and standing windows, measured against each
 * training cow's {@link PostureReference} as the gateway would learn it, i.e. from the windows a first stage
 * fitted <em>without that cow</em> calls walking or grazing (nested: inside a leave-one-cow-out fold the
 * first stage for a training cow's reference leaves out both her and the held-out cow). The held-out cow is
 * then classified window by window in recording order, her reference learnt causally as she goes, exactly as
 * {@code MinuteObserver} does live. Bout filter ({@link BoutFilter}): the mean length of a labelled bout of
 * each class on the training cows (the fold's, for the held-out figures).
 *
 * <p>Run through {@code ShippedClassifierTest}, which writes the model file when asked ({@link #COMMAND},
 * {@code rules/FEATURES.md}).
 */
public final class TrainClassifier {

    /** Version written into the model; bump it when the features or training change. */
    public static final int VERSION = 4;
    /** Behaviours the model distinguishes, in model row order. */
    public static final List<Behaviour> CLASSES =
            List.of(Behaviour.RESTING, Behaviour.STANDING, Behaviour.GRAZING, Behaviour.WALKING);
    /** Inputs of the first stage, in column order. */
    public static final List<ClassifierFeature> FEATURES = List.of(ClassifierFeature.values());
    /** Inputs of the second stage, in column order. */
    public static final List<PostureFeature> POSTURE_FEATURES = List.of(PostureFeature.values());
    /** How the filtered figures are made; in {@link ClassifierMetrics#method()}. */
    public static final String FILTERED = "causal bout filter (hidden Markov chain, mean bout lengths of the training "
            + "cows) within each bout file";
    /** How the stream figures are made; in {@link ClassifierMetrics#method()}. */
    public static final String STREAM = "causal bout filter over each cow's bout files as one recording, never reset "
            + "(every change of label inside the stream)";
    /** The command documented in the model file. */
    static final String COMMAND = "mvn -B -o -pl rules -am test -Dsurefire.failIfNoSpecifiedTests=false "
            + "-Dtest=ShippedClassifierTest -Dherdgate.train.out=<path of " + ClassifierModel.SHIPPED_RESOURCE + ">";

    private final List<LabelledWindow> windows;
    private final TreeSet<CowId> cows;
    private final Map<Set<CowId>, SoftmaxTrainer.Fit> firstStages = new HashMap<>();

    private TrainClassifier(List<LabelledWindow> windows) {
        this.windows = windows;
        this.cows = new TreeSet<>();
        windows.forEach(w -> cows.add(w.cow()));
    }

    /**
     * Evaluates leave-one-cow-out, each window on its own and with the held-out cow's decisions made by the
     * fold model's {@link BoutFilter} as {@code MinuteObserver} does live, then fits on every cow of the data
     * set in {@code dir}. Each bout file is one recording: the filter is reset at every file, so no evidence
     * crosses from one bout (or label) to the next; the cow's posture reference carries on from file to file
     * (it is the cow's, learnt without labels).
     */
    public static ClassifierModel train(Path dir) {
        TrainClassifier t = new TrainClassifier(windows(dir));
        Map<CowId, List<ClassProbabilities>> held = t.leaveOneCowOut();
        return t.model(Optional.empty(), t.metrics(held, Filtering.NONE), t.metrics(held, Filtering.PER_BOUT),
                t.metrics(held, Filtering.STREAM));
    }

    /** Leave-one-cow-out figures of the shipped training on the data set in {@code dir}, without the final fit. */
    public static LeaveOneCowOut evaluate(Path dir) {
        TrainClassifier t = new TrainClassifier(windows(dir));
        Map<CowId, List<ClassProbabilities>> held = t.leaveOneCowOut();
        return new LeaveOneCowOut(t.metrics(held, Filtering.NONE), t.metrics(held, Filtering.PER_BOUT),
                t.metrics(held, Filtering.STREAM));
    }

    private static List<LabelledWindow> windows(Path dir) {
        List<LabelledWindow> windows = CollarDataset.windows(dir, FeatureSettings.CLASSIFICATION_WINDOW_S).stream()
                .filter(w -> CLASSES.contains(w.behaviour())).toList();
        if (windows.isEmpty()) {
            throw new DatasetException(dir + ": no labelled windows of " + CLASSES);
        }
        return windows;
    }

    /**
     * The class probabilities of every window, each cow's by the model fitted without her and with her
     * posture reference learnt causally in recording order (index order of the data set).
     */
    private Map<CowId, List<ClassProbabilities>> leaveOneCowOut() {
        Map<CowId, List<ClassProbabilities>> out = new TreeMap<>();
        for (CowId held : cows) {
            ClassifierMetrics none = ClassifierMetrics.fromConfusion("fold model, not evaluated", CLASSES,
                    new int[CLASSES.size()][CLASSES.size()]);
            BehaviourClassifier classifier = BehaviourClassifier.of(model(Optional.of(held), none, none, none));
            List<ClassProbabilities> probabilities = new ArrayList<>();
            PostureReference reference = PostureReference.EMPTY;
            for (LabelledWindow w : windows) {
                if (w.cow().equals(held)) {
                    ClassProbabilities p = classifier.probabilities(w.features(), reference);
                    reference = reference.learn(p, w.features());
                    probabilities.add(p);
                }
            }
            out.put(held, probabilities);
        }
        return out;
    }

    /** How the held-out decisions are made from the window probabilities. */
    private enum Filtering {
        /** Each window on its own. */
        NONE,
        /** Through the fold's {@link BoutFilter}, reset at every bout file. */
        PER_BOUT,
        /** Through the fold's {@link BoutFilter} over all the cow's bout files in index order, never reset. */
        STREAM
    }

    /**
     * Pooled and per-fold confusion of the decisions made as {@code filtering} says; the filter of a fold has
     * the bout lengths of its training cows only.
     */
    private ClassifierMetrics metrics(Map<CowId, List<ClassProbabilities>> probabilities, Filtering filtering) {
        Map<String, int[][]> folds = new LinkedHashMap<>();
        for (CowId held : cows) {
            int[][] confusion = new int[CLASSES.size()][CLASSES.size()];
            folds.put(held.value(), confusion);
            BoutFilter filter = filtering == Filtering.NONE ? BoutFilter.none(CLASSES)
                    : BoutFilter.of(CLASSES, meanBoutS(Set.of(held)), FeatureSettings.CLASSIFICATION_WINDOW_S);
            Iterator<ClassProbabilities> p = probabilities.get(held).iterator();
            String bout = "";
            for (LabelledWindow w : windows) {
                if (w.cow().equals(held)) {
                    if (!w.bout().equals(bout) && filtering == Filtering.PER_BOUT) {
                        filter.reset();
                        bout = w.bout();
                    }
                    Behaviour predicted = filter.add(p.next()).behaviour();
                    confusion[CLASSES.indexOf(w.behaviour())][CLASSES.indexOf(predicted)]++;
                }
            }
        }
        String method = "leave-one-cow-out over " + cows.size() + " cows, confusion pooled over folds, posture "
                + "reference learnt causally per held-out cow";
        return ClassifierMetrics.fromFolds(switch (filtering) {
            case NONE -> method;
            case PER_BOUT -> method + ", " + FILTERED;
            case STREAM -> method + ", " + STREAM;
        }, CLASSES, folds);
    }

    /**
     * Mean length of a labelled bout of each class over the cows not in {@code excluded}, seconds, in
     * {@link #CLASSES} order: the windows' summed durations over the number of bout files.
     */
    private List<Double> meanBoutS(Set<CowId> excluded) {
        double[] seconds = new double[CLASSES.size()];
        List<Set<String>> bouts = new ArrayList<>();
        CLASSES.forEach(c -> bouts.add(new TreeSet<>()));
        for (LabelledWindow w : windows) {
            if (!excluded.contains(w.cow())) {
                int k = CLASSES.indexOf(w.behaviour());
                seconds[k] += w.features().durationS();
                bouts.get(k).add(w.bout());
            }
        }
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < seconds.length; k++) {
            out.add(seconds[k] / bouts.get(k).size());
        }
        return out;
    }

    /** The two-stage model fitted on every cow but {@code held} (every cow when empty). */
    private ClassifierModel model(Optional<CowId> held, ClassifierMetrics metrics, ClassifierMetrics smoothed,
                                  ClassifierMetrics stream) {
        Set<CowId> excluded = held.map(Set::of).orElse(Set.of());
        SoftmaxTrainer.Fit first = firstStage(excluded);
        List<double[]> rows = new ArrayList<>();
        List<LabelledWindow> still = new ArrayList<>();
        for (CowId cow : cows) {
            if (excluded.contains(cow)) {
                continue;
            }
            Set<CowId> without = new TreeSet<>(excluded);
            without.add(cow);
            PostureReference reference = reference(cow, firstStage(without));
            for (LabelledWindow w : windows) {
                if (w.cow().equals(cow) && PostureModel.CLASSES.contains(w.behaviour())) {
                    reference.angles(w.features().gravityG()).ifPresent(a -> {
                        rows.add(POSTURE_FEATURES.stream().mapToDouble(f -> f.of(a)).toArray());
                        still.add(w);
                    });
                }
            }
        }
        int[] y = still.stream().mapToInt(w -> PostureModel.CLASSES.indexOf(w.behaviour())).toArray();
        SoftmaxTrainer.Fit second = SoftmaxTrainer.SHIPPED.fit(rows.toArray(double[][]::new), y, weights(still),
                PostureModel.CLASSES.size());
        return new ClassifierModel(VERSION, ClassifierModel.KIND,
                FEATURES.stream().map(ClassifierFeature::key).toList(),
                CLASSES.stream().map(Behaviour::label).toList(),
                boxed(first.mean()), boxed(first.scale()),
                Arrays.stream(first.weights()).map(TrainClassifier::boxed).toList(), boxed(first.bias()),
                PostureModel.of(POSTURE_FEATURES.stream().map(PostureFeature::key).toList(), boxed(second.mean()),
                        boxed(second.scale()), Arrays.stream(second.weights()).map(TrainClassifier::boxed).toList(),
                        boxed(second.bias())),
                meanBoutS(excluded), FeatureExtractor.MIN_STEP_RATE_HZ, info(), metrics, smoothed, stream);
    }

    private TrainingInfo info() {
        Map<String, Integer> perClass = new LinkedHashMap<>();
        for (Behaviour b : CLASSES) {
            perClass.put(b.label(), (int) windows.stream().filter(w -> w.behaviour() == b).count());
        }
        return new TrainingInfo(
                "collar_10hz (WASP-lab db-cow-walking, DEV split): " + cows.size()
                        + " Holstein cows, BNO055 neck collar, m/s², labelled bouts cut into windows per bout",
                COMMAND, FeatureSettings.CLASSIFICATION_WINDOW_S, CollarDataset.RATE_HZ, perClass,
                "each class weighted to the same total, shared equally among the cows showing it (weight = windows / "
                        + "(classes × cows with the class × the cow's windows of the class)); the same in both stages",
                SoftmaxTrainer.SHIPPED.l2(), SoftmaxTrainer.SHIPPED.iterations(),
                SoftmaxTrainer.SHIPPED.learningRate(),
                "resting and standing windows of each training cow, posture angles against her reference learnt "
                        + "from all her windows that a first stage fitted without her calls walking or grazing "
                        + "(p > " + PostureReference.LEARN_PROBABILITY + ")");
    }

    /** First stage fitted on every cow not in {@code excluded}; cached, folds share them. */
    private SoftmaxTrainer.Fit firstStage(Set<CowId> excluded) {
        return firstStages.computeIfAbsent(Set.copyOf(excluded), e -> {
            List<LabelledWindow> train = windows.stream().filter(w -> !e.contains(w.cow())).toList();
            int n = train.size();
            double[][] x = new double[n][];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                x[i] = featureRow(train.get(i));
                y[i] = CLASSES.indexOf(train.get(i).behaviour());
            }
            return SoftmaxTrainer.SHIPPED.fit(x, y, weights(train), CLASSES.size());
        });
    }

    /** {@code cow}'s posture reference learnt from all her windows with {@code first}'s probabilities. */
    private PostureReference reference(CowId cow, SoftmaxTrainer.Fit first) {
        PostureReference r = PostureReference.EMPTY;
        for (LabelledWindow w : windows) {
            if (w.cow().equals(cow)) {
                r = r.learn(probabilities(first, w), w.features());
            }
        }
        return r;
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

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
