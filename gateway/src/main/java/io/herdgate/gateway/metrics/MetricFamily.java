package io.herdgate.gateway.metrics;

import java.util.List;
import java.util.Objects;

/** A point-in-time snapshot of one metric family: name, help text, type and all its samples. */
public record MetricFamily(MetricName name, String help, MetricType type, List<Sample> samples) {

    public MetricFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(type, "type");
        samples = List.copyOf(samples);
    }

    public static MetricFamily of(MetricName name, String help, MetricType type, List<Sample> samples) {
        return new MetricFamily(name, help, type, samples);
    }
}
