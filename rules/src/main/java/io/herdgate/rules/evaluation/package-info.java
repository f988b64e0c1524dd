/**
 * The evaluation of the detectors on the public cattle datasets (heat against SCR's own episodes,
 * calving, healthy per-minute data with and without cut gaps): {@link io.herdgate.rules.evaluation.Evaluation}
 * runs it and returns an {@link io.herdgate.rules.evaluation.EvaluationReport}.
 */
package io.herdgate.rules.evaluation;
