package io.herdgate.rules.behaviour;

import io.herdgate.rules.feature.WindowFeatures;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link BehaviourClassifier} evaluating a {@link ClassifierModel}: the first stage on the window alone, then,
 * when the cow's {@link PostureReference} is ready, the second stage splitting resting plus standing. Weights
 * copied into arrays once.
 */
final class SoftmaxClassifier implements BehaviourClassifier {

    private final ClassifierFeature[] features;
    private final List<Behaviour> classList;
    private final double[] mean;
    private final double[] scale;
    private final double[][] weights;
    private final double[] bias;
    private final double minRateHz;
    private final PostureFeature[] postureFeatures;
    private final double[] postureMean;
    private final double[] postureScale;
    private final double[][] postureWeights;
    private final double[] postureBias;
    private final int resting;
    private final int standing;
    private final BoutFilter filter;

    private SoftmaxClassifier(ClassifierModel m) {
        features = m.features().stream().map(k -> ClassifierFeature.ofKey(k).orElseThrow())
                .toArray(ClassifierFeature[]::new);
        classList = m.classes().stream().map(c -> Behaviour.ofLabel(c).orElseThrow()).toList();
        mean = toArray(m.mean());
        scale = toArray(m.scale());
        weights = m.weights().stream().map(SoftmaxClassifier::toArray).toArray(double[][]::new);
        bias = toArray(m.bias());
        minRateHz = m.minRateHz();
        PostureModel p = m.posture();
        postureFeatures = p.features().stream().map(k -> PostureFeature.ofKey(k).orElseThrow())
                .toArray(PostureFeature[]::new);
        postureMean = toArray(p.mean());
        postureScale = toArray(p.scale());
        postureWeights = p.weights().stream().map(SoftmaxClassifier::toArray).toArray(double[][]::new);
        postureBias = toArray(p.bias());
        resting = classList.indexOf(Behaviour.RESTING);
        standing = classList.indexOf(Behaviour.STANDING);
        filter = BoutFilter.of(classList, m.meanBoutS(), m.training().windowS());
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
    public ClassProbabilities probabilities(WindowFeatures window, PostureReference reference) {
        double[] x = new double[features.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = (features[j].of(window) - mean[j]) / scale[j];
        }
        double[] p = probabilities(x, weights, bias);
        reference.angles(window.gravityG()).ifPresent(a -> {
            double[] z = new double[postureFeatures.length];
            for (int j = 0; j < z.length; j++) {
                z[j] = (postureFeatures[j].of(a) - postureMean[j]) / postureScale[j];
            }
            double[] q = probabilities(z, postureWeights, postureBias);
            double still = p[resting] + p[standing];
            p[resting] = still * q[0];
            p[standing] = still * q[1];
        });
        return ClassProbabilities.of(classList, Arrays.stream(p).boxed().toList());
    }

    @Override
    public BoutFilter filter() {
        return filter.restore(Optional.empty());
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
