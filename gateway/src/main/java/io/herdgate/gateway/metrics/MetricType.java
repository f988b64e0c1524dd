package io.herdgate.gateway.metrics;

/** The Prometheus type written in a family's {@code # TYPE} line. */
public enum MetricType {
    COUNTER, GAUGE, HISTOGRAM;

    /** The lower-case word of the exposition format. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
