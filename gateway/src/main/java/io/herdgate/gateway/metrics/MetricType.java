package io.herdgate.gateway.metrics;

import java.util.Locale;

/** The Prometheus type written in a family's {@code # TYPE} line. */
public enum MetricType {
    COUNTER, GAUGE, HISTOGRAM;

    /** The lower-case word of the exposition format. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
