/**
 * Behaviour of a cow per window of collar samples (resting, standing, grazing, walking ...): the
 * {@link io.herdgate.rules.behaviour.BehaviourClassifier} interface and the shipped multinomial logistic
 * regression whose parameters live in the versioned resource {@code classifier-v2.json}, and the causal
 * {@link io.herdgate.rules.behaviour.BehaviourSmoother} that pools the windows of one recording.
 */
package io.herdgate.rules.behaviour;
