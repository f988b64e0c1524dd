package io.herdgate.gateway.metrics;

import java.util.List;

/**
 * Produces metric families at scrape time from values owned elsewhere (link states, queue sizes).
 * Called from HTTP threads; must be thread-safe and quick.
 */
@FunctionalInterface
public interface Collector {

    List<MetricFamily> collect();
}
