/**
 * Behaviour of a cow per window of collar samples (resting, standing, grazing, walking ...): the
 * {@link io.herdgate.rules.behaviour.BehaviourClassifier} interface, the shipped two-stage logistic
 * regression whose parameters live in the versioned resource {@code classifier-v4.json}, the per-cow
 * {@link io.herdgate.rules.behaviour.PostureReference} its second stage measures posture against, and the
 * causal {@link io.herdgate.rules.behaviour.BoutFilter} that weighs each window against the bout before it.
 */
package io.herdgate.rules.behaviour;
