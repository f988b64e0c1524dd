/**
 * From a raw collar sample stream to the detectors' input: one
 * {@link io.herdgate.rules.series.Observation} per cow per minute, built from the activity features and
 * the behaviour classifier ({@link io.herdgate.rules.observe.MinuteObserver}).
 */
package io.herdgate.rules.observe;
