package io.herdgate.rules.detect;

/**
 * The same-clock-window baseline: the mean of the window's rate on each of the previous {@code days}
 * days that had enough coverage. Days without enough data (gaps, a collar change) are left out rather
 * than counted as low days. The mean rather than the median: on the SCR reference it matched the
 * farm's own heat index better (sensitivity 0.81 / PPV 0.83 against 0.79 / 0.75 with the median),
 * because a heat day in the baseline should raise the bar for the next days as SCR's index does.
 */
final class Baseline {

    /** Mean rate and the number of days it rests on; {@code days == 0} means no own baseline. */
    record Value(double mean, int days) {
    }

    private static final Value NONE = new Value(Double.NaN, 0);

    private Baseline() {
    }

    /**
     * The window rate with its missing minutes filled at the baseline rate: {@code base + (rate - base) ×
     * coverage}. A window with gaps then shows only the deviation its observed minutes carry.
     */
    static double fillGaps(double rate, double base, double coverage) {
        return base + (rate - base) * coverage;
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
