package io.herdgate.rules.detect;

import java.util.Arrays;

/**
 * The same-clock-window baseline: the median of the window's rate on each of the previous
 * {@code days} days that had enough coverage. The median ignores one or two outlier days (a heat, a
 * day at pasture); days without enough data are simply not counted.
 */
final class Baseline {

    /** Median rate and the number of days it rests on; {@code days == 0} means no own baseline. */
    record Value(double median, int days) {
    }

    private static final Value NONE = new Value(Double.NaN, 0);

    private Baseline() {
    }

    static Value of(HourlyBins bins, int measure, long hour, int windowHours, int days, double minCoverage) {
        double[] v = new double[days];
        int n = 0;
        for (int k = 1; k <= days; k++) {
            double r = bins.rate(measure, hour - 24L * k, windowHours, minCoverage);
            if (!Double.isNaN(r)) {
                v[n++] = r;
            }
        }
        if (n == 0) {
            return NONE;
        }
        Arrays.sort(v, 0, n);
        double median = (n & 1) == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Value(median, n);
    }
}
