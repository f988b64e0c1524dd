/**
 * The activity chart sent with an alarm: one cow's hourly activity over the last hours (48 by default)
 * against her same-clock-hour baseline, with the alarm window shaded, as a PNG.
 * {@link io.herdgate.gateway.chart.StoredAlarmChart} draws it from the gateway store, as the WhatsApp
 * channel's {@link io.herdgate.gateway.whatsapp.ChartSource} and by alarm id. Rendering uses JFreeChart
 * on Java2D in headless mode (no display on the Pi).
 */
package io.herdgate.gateway.chart;
