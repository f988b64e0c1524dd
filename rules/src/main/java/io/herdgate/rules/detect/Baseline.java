package io.herdgate.rules.detect;

/**
 * The whole-window baseline of the calving detector's usual day: the mean of the window's rate on each
 * of the previous {@code days} days that had enough coverage. Days without enough data (gaps, a collar
 * change) are left out rather than counted as low days. Heat and illness judge hour by hour instead
 * ({@link HourWindow}), so a short gap there does not drop a whole day.
 */
final class Baseline {

    /** Mean rate and the number of days it rests on; {@code days == 0} means no own baseline. */
    record Value(double mean, int days) {
    }

    private static final Value NONE = new Value(Double.NaN, 0);

    private Baseline() {
    }

    static Value of(HourlyBins bins, int measure, long hour, int windowHours, int days, double minCoverage) {
        double sum = 0;
        int n = 0;
        for (int k = 1; k <= days; k++) {
            double r = bins.rate(measure, hour - 24L * k, windowHours, minCoverage);
            if (!Double.isNaN(r)) {
                sum += r;
                n++;
            }
        }
        return n == 0 ? NONE : new Value(sum / n, n);
    }
}
