/**
 * In-process metrics: small thread-safe {@link io.herdgate.gateway.metrics.Counter},
 * {@link io.herdgate.gateway.metrics.Gauge} and {@link io.herdgate.gateway.metrics.Histogram} kept in a
 * {@link io.herdgate.gateway.metrics.MetricRegistry}, callback {@link io.herdgate.gateway.metrics.Collector}s
 * for values owned elsewhere, and the Prometheus text exposition format
 * ({@link io.herdgate.gateway.metrics.PrometheusText}). Written here rather than taken from a client
 * library because the gateway needs three metric types and one output format, and a Pi's heap is small.
 */
package io.herdgate.gateway.metrics;
