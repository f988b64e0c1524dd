package io.herdgate.rules.replay;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds a cow's row interval from her first rows: the most frequent positive step between consecutive
 * timestamps (the smallest one on a tie), so gaps and a missing block or two do not mislead it.
 */
final class IntervalEstimator {

    /** Rows looked at; 24 two-hour blocks is two days, 24 minutes for per-minute data. */
    static final int SAMPLE = 24;

    private IntervalEstimator() {
    }

    /**
     * @param epochSeconds the first timestamps of one cow in input order (at most {@link #SAMPLE} are used)
     * @param count        how many of them are valid
     * @return the interval, empty when fewer than two distinct increasing timestamps are given
     */
    static Optional<Duration> estimate(long[] epochSeconds, int count) {
        int n = Math.min(count, SAMPLE);
        long[] steps = new long[Math.max(0, n - 1)];
        int k = 0;
        for (int i = 1; i < n; i++) {
            long d = epochSeconds[i] - epochSeconds[i - 1];
            if (d > 0) {
                steps[k++] = d;
            }
        }
        if (k == 0) {
            return Optional.empty();
        }
        long[] sorted = Arrays.copyOf(steps, k);
        Arrays.sort(sorted);
        long best = sorted[0];
        int bestRun = 0;
        for (int i = 0; i < k; ) {
            int j = i;
            while (j < k && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                best = sorted[i];
            }
            i = j;
        }
        return Optional.of(Duration.ofSeconds(best));
    }
}
