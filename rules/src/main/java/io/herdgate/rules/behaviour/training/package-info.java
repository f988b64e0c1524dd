/**
 * Training and leave-one-cow-out evaluation of the behaviour classifier on the labelled collar_10hz
 * data set: reading the labelled bouts, cutting them into feature windows, fitting the
 * two-stage logistic regression with its bout filter and writing {@code classifier-v4.json}
 * ({@link io.herdgate.rules.behaviour.training.TrainClassifier}).
 */
package io.herdgate.rules.behaviour.training;
