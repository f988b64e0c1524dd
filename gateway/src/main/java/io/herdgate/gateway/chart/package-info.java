/**
 * The activity chart sent with an alarm: one cow's hourly activity over the last hours (48 by default)
 * against her same-clock-hour baseline, with the alarm window shaded, as a PNG.
 * {@link io.herdgate.gateway.chart.StoredAlarmChart} draws it from the gateway store by alarm id, as the
 * {@link io.herdgate.gateway.chart.ChartSource} of the WhatsApp channel and the local API. Rendering uses JFreeChart
 * on Java2D in headless mode (no display on the Pi).
 */
package io.herdgate.gateway.chart;
