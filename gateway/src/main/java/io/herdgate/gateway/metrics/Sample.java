package io.herdgate.gateway.metrics;

import java.util.Objects;

/**
 * One line of output: a series name (the family name plus a suffix such as {@code _bucket}), its labels
 * and its value.
 */
public record Sample(MetricName name, Labels labels, double value) {

    public Sample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labels, "labels");
    }

    public static Sample of(MetricName name, Labels labels, double value) {
        return new Sample(name, labels, value);
    }
}
