package io.herdgate.rules.behaviour;

import io.herdgate.rules.feature.WindowFeatures;
import java.util.Arrays;
import java.util.List;

/** {@link BehaviourClassifier} evaluating a {@link ClassifierModel}; weights copied into arrays once. */
final class SoftmaxClassifier implements BehaviourClassifier {

    private final ClassifierFeature[] features;
    private final List<Behaviour> classList;
    private final double[] mean;
    private final double[] scale;
    private final double[][] weights;
    private final double[] bias;
    private final double minRateHz;

    private SoftmaxClassifier(ClassifierModel m) {
        features = m.features().stream().map(k -> ClassifierFeature.ofKey(k).orElseThrow())
                .toArray(ClassifierFeature[]::new);
        classList = m.classes().stream().map(c -> Behaviour.ofLabel(c).orElseThrow()).toList();
        mean = toArray(m.mean());
        scale = toArray(m.scale());
        weights = m.weights().stream().map(SoftmaxClassifier::toArray).toArray(double[][]::new);
        bias = toArray(m.bias());
        minRateHz = m.minRateHz();
    }

    /** Loaded once, on first use (holder idiom). */
    private static final class Shipped {
        static final SoftmaxClassifier INSTANCE = of(ClassifierModel.shipped());
    }

    static SoftmaxClassifier shipped() {
        return Shipped.INSTANCE;
    }

    static SoftmaxClassifier of(ClassifierModel model) {
        return new SoftmaxClassifier(model.validated("model v" + model.version()));
    }

    @Override
    public ClassProbabilities probabilities(WindowFeatures window) {
        double[] x = new double[features.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = (features[j].of(window) - mean[j]) / scale[j];
        }
        return ClassProbabilities.of(classList, Arrays.stream(probabilities(x, weights, bias)).boxed().toList());
    }

    @Override
    public double minRateHz() {
        return minRateHz;
    }

    @Override
    public List<Behaviour> behaviours() {
        return classList;
    }

    /** Softmax of the class scores for standardised features {@code x}. */
    static double[] probabilities(double[] x, double[][] weights, double[] bias) {
        double[] s = new double[bias.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < s.length; k++) {
            double v = bias[k];
            for (int j = 0; j < x.length; j++) {
                v += weights[k][j] * x[j];
            }
            s[k] = v;
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            s[k] = StrictMath.exp(s[k] - max);
            sum += s[k];
        }
        for (int k = 0; k < s.length; k++) {
            s[k] /= sum;
        }
        return s;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
