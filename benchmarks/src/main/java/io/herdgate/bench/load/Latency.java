package io.herdgate.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Percentiles of the gateway's frame-to-alarm histogram ({@code herdgate_frame_to_alarm_seconds}) over the
 * run: the bucket counts after minus before, each percentile reported as the upper bound of its bucket.
 */
record Latency(String p50, String p99, long count) {

    private static final String NAME = "herdgate_frame_to_alarm_seconds";

    static Optional<Latency> of(Map<String, Double> after, Map<String, Double> before) {
        List<double[]> buckets = new ArrayList<>(); // {le, cumulative count}
        for (Map.Entry<String, Double> e : after.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(NAME + "_bucket{") && k.contains("le=\"")) {
                String le = k.substring(k.indexOf("le=\"") + 4, k.indexOf('"', k.indexOf("le=\"") + 4));
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.add(new double[] {bound, e.getValue() - before.getOrDefault(k, 0.0)});
            }
        }
        buckets.sort((x, y) -> Double.compare(x[0], y[0]));
        long count = buckets.isEmpty() ? 0 : (long) buckets.get(buckets.size() - 1)[1];
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(new Latency(percentile(buckets, count, 0.50), percentile(buckets, count, 0.99), count));
    }

    private static String percentile(List<double[]> buckets, long count, double q) {
        for (double[] b : buckets) {
            if (b[1] >= q * count) {
                return Double.isInfinite(b[0]) ? "> last bucket" : String.format(Locale.ROOT, "<= %.0f ms", b[0] * 1000);
            }
        }
        return "?";
    }
}
