package io.herdgate.rules.behaviour;

import java.util.List;

/**
 * Second stage of the shipped classifier: a logistic regression over standardised {@link PostureFeature}s
 * that splits the first stage's probability of "resting or standing" between the two, using the cow's own
 * {@link PostureReference}. Score of class k: {@code bias[k] + Σ_j weights[k][j] · (x_j − mean[j]) /
 * scale[j]}; softmax over the two scores.
 *
 * @param features feature keys ({@link PostureFeature#key()}), column order
 * @param classes  always {@code ["resting", "standing"]}, row order
 * @param mean     per-feature mean of the training windows
 * @param scale    per-feature standard deviation of the training windows, &gt; 0
 * @param weights  {@code 2 × features}
 * @param bias     per class
 */
public record PostureModel(List<String> features, List<String> classes, List<Double> mean, List<Double> scale,
                           List<List<Double>> weights, List<Double> bias) {

    /** The two behaviours the second stage separates, in row order. */
    public static final List<Behaviour> CLASSES = List.of(Behaviour.RESTING, Behaviour.STANDING);

    public PostureModel {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        mean = List.copyOf(mean);
        scale = List.copyOf(scale);
        weights = weights.stream().map(List::copyOf).toList();
        bias = List.copyOf(bias);
    }

    public static PostureModel of(List<String> features, List<Double> mean, List<Double> scale,
                                  List<List<Double>> weights, List<Double> bias) {
        return new PostureModel(features, CLASSES.stream().map(Behaviour::label).toList(), mean, scale, weights,
                bias);
    }

    /** Checks shapes and names; throws {@link ModelFormatException} naming {@code source} and the field. */
    PostureModel validated(String source) {
        for (String f : features) {
            if (PostureFeature.ofKey(f).isEmpty()) {
                throw new ModelFormatException(source, "posture: unknown feature '" + f + "'");
            }
        }
        if (!classes.equals(CLASSES.stream().map(Behaviour::label).toList())) {
            throw new ModelFormatException(source, "posture: classes must be [resting, standing], got " + classes);
        }
        int n = features.size();
        if (n == 0 || mean.size() != n || scale.size() != n || scale.stream().anyMatch(s -> !(s > 0))
                || weights.size() != 2 || bias.size() != 2 || weights.stream().anyMatch(w -> w.size() != n)) {
            throw new ModelFormatException(source, "posture: need 1.. features, mean and scale (> 0) of the same "
                    + "length, 2 rows of weights of that length and 2 biases");
        }
        return this;
    }
}
