package io.herdgate.rules.detect;

/**
 * A window of clock hours judged against the same clock hours on earlier days, hour by hour, so that
 * a gap costs the baseline only the minutes it removed: each earlier hour enters with the minutes it
 * has data for (a 30-min gap removes half an hour of one day, not the day). The window's own missing
 * minutes are read three ways, each for the decision it cannot mislead: {@link #ratio} ignores them
 * (unbiased), {@link #quietFilledRatio} counts them as quiet (no rise can come from a gap) and
 * {@link #filledRatio} as ordinary (no drop can come from a gap).
 *
 * <p>The own baseline rate of clock hour {@code j} is its pooled rate over the earlier days: the sum of
 * the values of hour {@code j - 24k}, {@code k = 1..days}, over the sum of their covered minutes. The
 * window's own baseline is the mean of those hourly rates.
 *
 * @param hours           window length in hours
 * @param sum             sum of the measure over the window's covered minutes
 * @param coverage        share (0..1) of the window's minutes that carried a value
 * @param ownRate         own baseline in value per minute over the whole window; NaN without history
 * @param days            days of history the own baseline rests on: covered minutes of the earlier
 *                        days' same clock hours over the window's minutes (fractional, 0..days)
 * @param expectedCovered share (0..1) of the window's expected total that falls in its covered
 *                        minutes, by the own hourly profile ({@code coverage} without one)
 */
record HourWindow(int hours, double sum, double coverage, double ownRate, double days, double expectedCovered) {

    static HourWindow of(HourlyBins bins, int measure, long lastHour, int hours, int days) {
        double sum = 0;
        double covered = 0;
        double historyCovered = 0;
        double rateSum = 0; // Σ b_j over hours with history
        double weighted = 0; // Σ b_j c_j over hours with history
        int withHistory = 0;
        double coveredWithout = 0; // Σ c_j over hours without history
        for (long j = lastHour - hours + 1; j <= lastHour; j++) {
            double c = bins.hourCovered(measure, j);
            sum += bins.hourSum(measure, j);
            covered += c;
            double v = bins.pooledSum(measure, j, days);
            double hc = bins.pooledCovered(measure, j, days);
            historyCovered += hc;
            if (hc > 0) {
                double b = v / hc;
                rateSum += b;
                weighted += b * c;
                withHistory++;
            } else {
                coveredWithout += c;
            }
        }
        double minutes = hours * 60.0;
        double own = withHistory == 0 ? Double.NaN : rateSum / withHistory;
        double coverage = Math.min(1, covered / minutes);
        // Hours without history are expected at the window's mean rate.
        double expectedTotal = rateSum * 60 + (hours - withHistory) * 60 * (withHistory == 0 ? 0 : own);
        double expectedCovered = expectedTotal > 0
                ? Math.min(1, (weighted + coveredWithout * own) / expectedTotal) : coverage;
        return new HourWindow(hours, sum, coverage, own, historyCovered / minutes, expectedCovered);
    }

    /** Value per covered minute, NaN when no minute is covered. */
    double rate() {
        return coverage > 0 ? sum / (coverage * hours * 60.0) : Double.NaN;
    }

    /**
     * The window's level against {@code base} (value per minute over the whole window), judged on its
     * covered minutes alone: their sum against the share of the baseline expected in them. 1 means as
     * expected, 1.7 a rise of 70 %. Unbiased whatever minutes are missing.
     */
    double ratio(double base) {
        return sum / (base * hours * 60.0 * expectedCovered);
    }

    /**
     * The level with the missing minutes counted as quiet (no activity): the least the window can have
     * been, so a rise judged on it cannot come from a gap.
     */
    double quietFilledRatio(double base) {
        return sum / (base * hours * 60.0);
    }

    /**
     * The level with the missing minutes counted as ordinary (at the baseline of their clock hour): a
     * drop judged on it cannot come from a gap.
     */
    double filledRatio(double base) {
        return quietFilledRatio(base) + 1 - expectedCovered;
    }
}
