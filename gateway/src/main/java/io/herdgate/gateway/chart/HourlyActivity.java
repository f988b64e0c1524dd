package io.herdgate.gateway.chart;

import io.herdgate.rules.params.BaselineParams;
import io.herdgate.rules.series.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hourly activity and its baseline from stored observations, by the detectors' rule: an hour's rate is
 * its activity per covered minute when at least {@code baseline.min_coverage_pct} of it had data; the
 * baseline of an hour is the mean rate of the same clock hour on each of the previous
 * {@code baseline.days} days that had enough data, shown only when at least {@code baseline.min_days}
 * (and at least one) such days exist. Observations longer than a minute are spread over the hours they
 * overlap in proportion, as the engine does.
 */
final class HourlyActivity {

    private static final Duration HOUR = Duration.ofHours(1);

    private HourlyActivity() {
    }

    /** How far before {@code from} the history must reach for the baselines of the chart's hours. */
    static Duration lookBack(BaselineParams p) {
        return Duration.ofDays(p.days());
    }

    /**
     * The hours starting at {@code from} (a clock-hour boundary) up to {@code to}.
     *
     * @param history the cow's observations from {@code from - lookBack(p)} to {@code to}, any order
     */
    static List<ActivityHour> of(List<Observation> history, Instant from, Instant to, BaselineParams p) {
        Instant first = from.minus(lookBack(p));
        int n = (int) Duration.between(first, to).toHours();
        double[] sum = new double[n];
        double[] minutes = new double[n];
        for (Observation o : history) {
            if (!Double.isNaN(o.activity())) {
                spread(o, first, sum, minutes);
            }
        }
        double minMinutes = 60 * p.minCoveragePct() / 100;
        double[] rate = new double[n];
        for (int i = 0; i < n; i++) {
            rate[i] = minutes[i] > 0 && minutes[i] >= minMinutes ? sum[i] / minutes[i] * 60 : Double.NaN;
        }
        int offset = n - (int) Duration.between(from, to).toHours();
        int minDays = Math.max(1, p.minDays());
        List<ActivityHour> out = new ArrayList<>(n - offset);
        for (int i = offset; i < n; i++) {
            double total = 0;
            int days = 0;
            for (int k = 1; k <= p.days(); k++) {
                double r = rate[i - 24 * k];
                if (!Double.isNaN(r)) {
                    total += r;
                    days++;
                }
            }
            out.add(new ActivityHour(first.plus(HOUR.multipliedBy(i)), rate[i],
                    days >= minDays ? total / days : Double.NaN));
        }
        return List.copyOf(out);
    }

    private static void spread(Observation o, Instant first, double[] sum, double[] minutes) {
        long firstSec = first.getEpochSecond();
        long start = o.start().getEpochSecond();
        long end = o.end().getEpochSecond();
        double perSecond = o.activity() / (end - start);
        for (long s = start; s < end; ) {
            long bin = Math.floorDiv(s - firstSec, 3600L);
            long binEnd = firstSec + (bin + 1) * 3600;
            long upTo = Math.min(end, binEnd);
            if (bin >= 0 && bin < sum.length) {
                sum[(int) bin] += perSecond * (upTo - s);
                minutes[(int) bin] += (upTo - s) / 60.0;
            }
            s = upTo;
        }
    }
}
