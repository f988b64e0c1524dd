package io.herdgate.gateway.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts observations into fixed buckets (Prometheus style: each bucket counts values {@code <=} its
 * upper bound, cumulatively on output) and keeps their sum and count. Thread-safe; {@link #observe} is
 * lock-free. A snapshot taken while others observe may be off by the observations in flight.
 */
public final class Histogram {

    /** Seconds from a frame's arrival to its alarm: 1 ms to 10 s, which spans a Pi under load. */
    public static final List<Double> LATENCY_SECONDS =
            List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    private final double[] bounds;
    private final LongAdder[] counts;
    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder count = new LongAdder();

    Histogram(List<Double> upperBounds) {
        if (upperBounds.isEmpty()) {
            throw new IllegalArgumentException("a histogram needs at least one bucket bound");
        }
        bounds = upperBounds.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < bounds.length; i++) {
            if (Double.isNaN(bounds[i]) || Double.isInfinite(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must be finite and strictly increasing: " + upperBounds);
            }
        }
        counts = new LongAdder[bounds.length + 1]; // the last one is +Inf
        Arrays.setAll(counts, i -> new LongAdder());
    }

    /** Records one observation (in the unit of the bounds, seconds for latencies). NaN is ignored. */
    public void observe(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        int i = Arrays.binarySearch(bounds, value);
        counts[i >= 0 ? i : -i - 1].increment();
        sum.add(value);
        count.increment();
    }

    /** Records a duration given in nanoseconds, as seconds. */
    public void observeNanos(long nanos) {
        observe(nanos / 1e9);
    }

    /** The state now, with cumulative bucket counts. */
    public Snapshot snapshot() {
        long[] cumulative = new long[counts.length];
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            running += counts[i].sum();
            cumulative[i] = running;
        }
        return new Snapshot(bounds.clone(), cumulative, sum.sum(), running);
    }

    /**
     * @param upperBounds     finite bucket bounds, increasing
     * @param cumulativeCounts observations {@code <=} each bound, then the +Inf count (= count)
     * @param sum             sum of all observations
     * @param count           number of observations
     */
    public record Snapshot(double[] upperBounds, long[] cumulativeCounts, double sum, long count) {
    }
}
