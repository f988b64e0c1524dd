package io.herdgate.gateway.chart;

import java.time.Instant;

/**
 * One clock hour of a chart.
 *
 * @param start    start of the hour
 * @param activity the cow's activity per hour (the collar's unit), NaN when too little of the hour had data
 * @param baseline her baseline for this clock hour, same unit, NaN when no earlier day had enough data
 */
record ActivityHour(Instant start, double activity, double baseline) {
}
