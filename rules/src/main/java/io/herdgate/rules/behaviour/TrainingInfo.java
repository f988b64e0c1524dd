package io.herdgate.rules.behaviour;

import java.util.Map;

/**
 * How a shipped model was trained, so it can be reproduced.
 *
 * @param data             the labelled data set, in words
 * @param command          the command that trains and writes the model
 * @param windowS          window length, seconds
 * @param rateHz           sample rate of the training data, Hz
 * @param windowsPerClass  training windows per behaviour label
 * @param classWeighting   how class imbalance is handled
 * @param l2               L2 penalty on the weights
 * @param iterations       full-batch gradient-descent iterations
 * @param learningRate     gradient-descent step size (the same three settings for both stages)
 * @param secondStage      how the second stage's training windows and posture references were formed
 */
public record TrainingInfo(String data, String command, double windowS, double rateHz,
                           Map<String, Integer> windowsPerClass, String classWeighting, double l2, int iterations,
                           double learningRate, String secondStage) {

    public TrainingInfo {
        windowsPerClass = Map.copyOf(windowsPerClass);
    }
}
