package io.herdgate.rules.replay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay read.
 *
 * @param rowsRead       data rows in the input (good and bad)
 * @param rowsSkipped    bad rows left out
 * @param cows           cows replayed
 * @param cowDays        days of data replayed over all cows: the sum of the row intervals of the
 *                       replayed rows, in days (a cow with a 2-day gap in 30 days counts 28)
 * @param intervals      row interval to the number of cows with it
 * @param intervalSource where the intervals came from: {@code detected per cow}, {@code from --interval} or
 *                       {@code per minute from raw samples at 10.0 Hz}
 * @param partitions     groups of cows replayed in parallel (1 when the input is not grouped by cow)
 * @param ignoredColumns input columns replay does not read
 */
public record ReplayStats(long rowsRead, long rowsSkipped, int cows, double cowDays, Map<Duration, Integer> intervals,
                          String intervalSource, int partitions, List<String> ignoredColumns) {

    public ReplayStats {
        intervals = Map.copyOf(new TreeMap<>(intervals));
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /** {@code "2 h (61 cows, detected per cow)"}. */
    public String describeIntervals() {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(intervals).forEach((d, n) -> {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(human(d)).append(" (").append(n).append(n == 1 ? " cow)" : " cows)");
        });
        return (b.length() == 0 ? "none" : b.toString()) + ", " + intervalSource;
    }

    static String human(Duration d) {
        long s = d.getSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + " h";
        }
        if (s % 60 == 0) {
            return s / 60 + " min";
        }
        return s + " s";
    }
}
