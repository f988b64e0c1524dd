package io.herdgate.gateway.chart;

import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.List;

/**
 * What one chart shows.
 *
 * @param cow          the cow
 * @param alarm        the alarm it is drawn for
 * @param from         start of the time axis
 * @param to           end of the time axis
 * @param baselineDays the days the baseline is formed over, for the legend
 * @param hours        the hours from {@code from} to {@code to}
 */
record ChartData(CowId cow, Marked alarm, Instant from, Instant to, int baselineDays,
                 List<ActivityHour> hours) {

    /**
     * The alarm on a chart.
     *
     * @param type        what was detected
     * @param raisedAt    when it was raised
     * @param windowStart start of the shaded window (when the condition began), within the axis
     * @param windowEnd   end of the shaded window (cleared, or the axis end while active)
     */
    record Marked(AlarmType type, Instant raisedAt, Instant windowStart, Instant windowEnd) {
    }

    ChartData {
        hours = List.copyOf(hours);
    }

    boolean hasActivity() {
        return hours.stream().anyMatch(h -> !Double.isNaN(h.activity()));
    }
}
