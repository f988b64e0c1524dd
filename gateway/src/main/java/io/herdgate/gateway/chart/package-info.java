/**
 * The activity chart sent with an alarm: one cow's hourly activity over the last hours (48 by default)
 * against her same-clock-hour baseline, with the alarm window shaded, as a PNG. {@link
 * io.herdgate.gateway.chart.ChartSource} is what messaging channels call; {@link
 * io.herdgate.gateway.chart.StoredAlarmChart} reads the alarm and the per-minute feature history from the
 * gateway store. Rendering uses JFreeChart on Java2D in headless mode (no display on the Pi).
 */
package io.herdgate.gateway.chart;
