package io.herdgate.gateway.metrics;

import java.util.Objects;
import java.util.regex.Pattern;

/** A Prometheus metric name: {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, e.g. {@code herdgate_frames_received_total}. */
public record MetricName(String value) implements Comparable<MetricName> {

    private static final Pattern FORM = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    public MetricName {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("metric name must match [a-zA-Z_:][a-zA-Z0-9_:]*: '" + value + "'");
        }
    }

    public static MetricName of(String value) {
        return new MetricName(value);
    }

    @Override
    public int compareTo(MetricName o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
