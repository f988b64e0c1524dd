package io.herdgate.gateway.chart;

import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.List;

/**
 * What one chart shows.
 *
 * @param cow          the cow
 * @param type         the alarm's type
 * @param raisedAt     when the alarm was raised
 * @param windowStart  start of the shaded alarm window (when the condition began)
 * @param windowEnd    end of the shaded window (cleared, or the chart's end while active)
 * @param from         start of the time axis
 * @param to           end of the time axis
 * @param baselineDays the days the baseline is formed over, for the legend
 * @param hours        the hours from {@code from} to {@code to}
 */
record ChartData(CowId cow, AlarmType type, Instant raisedAt, Instant windowStart, Instant windowEnd,
                 Instant from, Instant to, int baselineDays, List<ActivityHour> hours) {

    ChartData {
        hours = List.copyOf(hours);
    }
}
