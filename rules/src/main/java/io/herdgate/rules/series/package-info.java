/**
 * The engine's input: one {@link io.herdgate.rules.series.Observation} per cow per interval, and the
 * {@link io.herdgate.rules.series.CowId} that names the cow.
 */
package io.herdgate.rules.series;
