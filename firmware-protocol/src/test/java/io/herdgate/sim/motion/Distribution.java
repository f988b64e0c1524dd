package io.herdgate.sim.motion;

import java.util.Arrays;

/** An empirical distribution: quantiles and the two-sample Kolmogorov-Smirnov distance. */
final class Distribution {

    private final double[] sorted;

    private Distribution(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            throw new IllegalArgumentException("empty distribution");
        }
    }

    static Distribution of(double[] values) {
        return new Distribution(values);
    }

    int size() {
        return sorted.length;
    }

    /** Quantile by linear interpolation between order statistics, {@code q} in 0..1. */
    double quantile(double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** sup |F1 - F2| over all values, 0..1. */
    double ksDistance(Distribution other) {
        double[] a = sorted;
        double[] b = other.sorted;
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < a.length && j < b.length) {
            double v = Math.min(a[i], b[j]);
            while (i < a.length && a[i] <= v) {
                i++;
            }
            while (j < b.length && b[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs(i / (double) a.length - j / (double) b.length));
        }
        return d;
    }
}
