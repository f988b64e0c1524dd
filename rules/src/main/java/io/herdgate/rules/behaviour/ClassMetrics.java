package io.herdgate.rules.behaviour;

/**
 * How well one behaviour was recognised in an evaluation.
 *
 * @param support   windows whose true label is this behaviour
 * @param precision share of windows predicted as this behaviour that truly are, 0..1 (0 if none predicted)
 * @param recall    share of this behaviour's windows predicted as it, 0..1
 */
public record ClassMetrics(int support, double precision, double recall) {

    public static ClassMetrics of(int support, double precision, double recall) {
        return new ClassMetrics(support, precision, recall);
    }
}
