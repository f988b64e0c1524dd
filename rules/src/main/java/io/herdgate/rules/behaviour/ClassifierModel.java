package io.herdgate.rules.behaviour;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Parameters of the two-stage behaviour classifier, as stored in {@code classifier-v4.json}. First stage: a
 * multinomial logistic regression over standardised {@link ClassifierFeature}s of the window alone; score of
 * class k: {@code bias[k] + Σ_j weights[k][j] · (x_j − mean[j]) / scale[j]}; probabilities by softmax over
 * the scores. Second stage ({@link PostureModel}): once the cow has a {@link PostureReference}, the first
 * stage's probability of resting plus standing is split between the two by the window's posture against
 * the cow's own walking and grazing postures.
 *
 * @param version   model version, increased on every retrain that changes behaviour
 * @param kind      always {@value #KIND}
 * @param features  feature keys ({@link ClassifierFeature#key()}), column order
 * @param classes   behaviour labels ({@link Behaviour#label()}), row order
 * @param mean      per-feature mean of the training windows
 * @param scale     per-feature standard deviation of the training windows, &gt; 0
 * @param weights   {@code classes × features}
 * @param bias      per class
 * @param posture   the second stage
 * @param meanBoutS mean length of a bout of each class in the training data, seconds, same order as
 *                  {@code classes}: the {@link BoutFilter} the gateway runs on the decisions
 * @param minRateHz lowest input rate the model is valid for, Hz
 * @param training  how it was trained
 * @param metrics   its leave-one-cow-out figures, each window decided on its own
 * @param smoothedMetrics the same with the decisions through the model's {@link BoutFilter}, reset at every
 *                  labelled bout file (the filter knows where each bout starts, which the gateway does not)
 * @param streamMetrics the same with the filter run over each cow's bout files as one recording, never reset:
 *                  every change of label falls inside the stream, as it does live
 */
public record ClassifierModel(int version, String kind, List<String> features, List<String> classes,
                              List<Double> mean, List<Double> scale, List<List<Double>> weights, List<Double> bias,
                              PostureModel posture, List<Double> meanBoutS, double minRateHz, TrainingInfo training,
                              ClassifierMetrics metrics, ClassifierMetrics smoothedMetrics,
                              ClassifierMetrics streamMetrics) {

    public static final String KIND = "two-stage-logistic-regression";
    /** Classpath resource of the shipped model. */
    public static final String SHIPPED_RESOURCE = "classifier-v4.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public ClassifierModel {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        mean = List.copyOf(mean);
        scale = List.copyOf(scale);
        weights = weights.stream().map(List::copyOf).toList();
        bias = List.copyOf(bias);
        // A model file without the field reads as no bout lengths, which validated() rejects.
        meanBoutS = meanBoutS == null ? List.of() : List.copyOf(meanBoutS);
    }

    /** Checks shapes and names; throws {@link ModelFormatException} naming {@code source} and the field. */
    ClassifierModel validated(String source) {
        if (!KIND.equals(kind)) {
            throw new ModelFormatException(source, "kind must be '" + KIND + "', got '" + kind + "'");
        }
        for (String f : features) {
            if (ClassifierFeature.ofKey(f).isEmpty()) {
                throw new ModelFormatException(source, "unknown feature '" + f + "'");
            }
        }
        for (String c : classes) {
            if (Behaviour.ofLabel(c).isEmpty()) {
                throw new ModelFormatException(source, "unknown class '" + c + "', allowed: "
                        + Behaviour.allowedLabels());
            }
        }
        int n = features.size();
        if (mean.size() != n || scale.size() != n || scale.stream().anyMatch(s -> !(s > 0))) {
            throw new ModelFormatException(source, "mean and scale need " + n + " values, scale > 0");
        }
        if (weights.size() != classes.size() || bias.size() != classes.size()
                || weights.stream().anyMatch(w -> w.size() != n)) {
            throw new ModelFormatException(source, "weights need " + classes.size() + " rows of " + n
                    + " values and bias " + classes.size() + " values");
        }
        if (!classes.containsAll(PostureModel.CLASSES.stream().map(Behaviour::label).toList())) {
            throw new ModelFormatException(source, "classes must include resting and standing, got " + classes);
        }
        if (posture == null) {
            throw new ModelFormatException(source, "posture (second stage) is missing");
        }
        posture.validated(source);
        if (meanBoutS.size() != classes.size()
                || meanBoutS.stream().anyMatch(l -> !(l > 0) || l.isInfinite())) {
            throw new ModelFormatException(source, "meanBoutS needs " + classes.size()
                    + " finite values > 0 (seconds), got " + meanBoutS);
        }
        if (training == null || !(training.windowS() > 0)) {
            throw new ModelFormatException(source, "training.windowS (seconds, > 0) is missing");
        }
        return this;
    }

    /** Reads and validates a model; {@code source} names it in errors. */
    public static ClassifierModel read(InputStream in, String source) {
        try {
            return JSON.readValue(in, ClassifierModel.class).validated(source);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(source, "not a classifier model: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelFormatException(source, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The model shipped in this jar. */
    public static ClassifierModel shipped() {
        try (InputStream in = ClassifierModel.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new ModelFormatException(SHIPPED_RESOURCE, "resource missing from the classpath");
            }
            return read(in, SHIPPED_RESOURCE);
        } catch (IOException e) {
            throw new ModelFormatException(SHIPPED_RESOURCE, e.getMessage(), e);
        }
    }

    /** Pretty-printed JSON, map keys sorted, so retraining gives a stable diff. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model not serialisable", e);
        }
    }
}
