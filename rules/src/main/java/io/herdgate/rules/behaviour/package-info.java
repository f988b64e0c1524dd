/**
 * Behaviour of a cow per window of collar samples (resting, standing, grazing, walking ...): the
 * {@link io.herdgate.rules.behaviour.BehaviourClassifier} interface, the shipped two-stage logistic
 * regression whose parameters live in the versioned resource {@code classifier-v3.json}, the per-cow
 * {@link io.herdgate.rules.behaviour.PostureReference} its second stage measures posture against, and the
 * causal {@link io.herdgate.rules.behaviour.BehaviourSmoother} that pools the windows of one recording.
 */
package io.herdgate.rules.behaviour;
