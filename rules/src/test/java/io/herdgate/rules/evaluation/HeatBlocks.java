package io.herdgate.rules.evaluation;

import io.herdgate.rules.series.CowId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The SCR 2-h blocks of {@code heat/} as plain maps, to describe a miss or a false alarm of the heat
 * detector from outside it (development aid, not shipped). A block is named by its start; a 10-h sum
 * "at" a block is the sum of that block and the four before it, NaN unless all five are present.
 */
final class HeatBlocks {

    private static final Duration DAY = Duration.ofDays(1);
    /** Fewer cows with a 10-h sum than this at a block leave the herd's median undefined. */
    private static final int MIN_HERD = 20;

    private final Map<CowId, TreeMap<Instant, Double>> activity = new HashMap<>();
    private final Map<CowId, Map<Instant, Double>> index = new HashMap<>();
    private final Map<CowId, Map<Instant, Double>> dim = new HashMap<>();
    private final Map<Instant, Double> herdSum = new HashMap<>();
    private final Map<Instant, Double> herdRise = new HashMap<>();
    private final Map<CowId, Double> usualShare = new HashMap<>();
    /** {peak index, days in milk at the peak} per cow and episode start. */
    private final Map<CowId, Map<Instant, double[]>> peaks = new HashMap<>();

    private HeatBlocks() {
    }

    static HeatBlocks of(Path heat) {
        HeatBlocks b = new HeatBlocks();
        for (Csv.Row r : Csv.read(heat.resolve("activity_2h.csv"))) {
            b.activity.computeIfAbsent(CowId.of(r.text("cow")), c -> new TreeMap<>())
                    .put(r.time("timestamp"), r.number("activity"));
        }
        for (Csv.Row r : Csv.read(heat.resolve("reference_2h.csv"))) {
            CowId cow = CowId.of(r.text("cow"));
            b.index.computeIfAbsent(cow, c -> new HashMap<>()).put(r.time("timestamp"), r.number("activity_change"));
            b.dim.computeIfAbsent(cow, c -> new HashMap<>()).put(r.time("timestamp"), r.number("dim"));
        }
        for (Csv.Row r : Csv.read(heat.resolve("reference_episodes.csv"))) {
            b.peaks.computeIfAbsent(CowId.of(r.text("cow")), c -> new HashMap<>())
                    .put(r.time("start"), new double[] {r.number("peak"), r.number("dim_at_peak")});
        }
        TreeSet<Instant> blocks = new TreeSet<>();
        b.activity.values().forEach(m -> blocks.addAll(m.keySet()));
        for (Instant t : blocks) {
            List<Double> sums = new ArrayList<>();
            List<Double> rises = new ArrayList<>();
            for (CowId cow : b.activity.keySet()) {
                double s = b.sum10h(cow, t);
                if (!Double.isNaN(s)) {
                    sums.add(s);
                }
                double[] rise = b.simpleRise(cow, t);
                if (rise[1] >= 3) {
                    rises.add(rise[0]);
                }
            }
            b.herdSum.put(t, sums.size() < MIN_HERD ? Double.NaN : median(sums));
            b.herdRise.put(t, rises.isEmpty() ? Double.NaN : median(rises));
        }
        for (Map.Entry<CowId, TreeMap<Instant, Double>> e : b.activity.entrySet()) {
            List<Double> shares = new ArrayList<>();
            for (Instant t : e.getValue().keySet()) {
                double s = b.share(e.getKey(), t);
                if (!Double.isNaN(s)) {
                    shares.add(s);
                }
            }
            b.usualShare.put(e.getKey(), shares.isEmpty() ? Double.NaN : median(shares));
        }
        return b;
    }

    /** Days from the cow's first block to {@code at}. */
    double daysOfRecord(CowId cow, Instant at) {
        return Duration.between(activity.get(cow).firstKey(), at).toMinutes() / 1440.0;
    }

    /**
     * {rise %, days behind it}: the 10-h sum at block {@code t} against the mean of the same clock window
     * on those of the 7 previous days that have one; {NaN, 0} without either.
     */
    double[] simpleRise(CowId cow, Instant t) {
        double now = sum10h(cow, t);
        double base = 0;
        int n = 0;
        for (int k = 1; k <= 7; k++) {
            double s = sum10h(cow, t.minus(DAY.multipliedBy(k)));
            if (!Double.isNaN(s)) {
                base += s;
                n++;
            }
        }
        return n == 0 || Double.isNaN(now) ? new double[] {Double.NaN, 0} : new double[] {100 * (now * n / base - 1), n};
    }

    /** The herd's median simple rise at block {@code t} over cows with 3 or more days behind it; NaN before. */
    double herdRise(Instant t) {
        return herdRise.getOrDefault(t, Double.NaN);
    }

    /**
     * The cow's 10-h sum over the herd's median 10-h sum at block {@code t}, against her usual share (the
     * median over her whole record, so it reads the future: a description, not a detector), in %.
     */
    double againstHerd(CowId cow, Instant t) {
        return 100 * (share(cow, t) / usualShare.get(cow) - 1);
    }

    /** SCR's days in milk at block {@code t}; NaN for heifers and absent blocks. */
    double dim(CowId cow, Instant t) {
        return dim.get(cow).getOrDefault(t, Double.NaN);
    }

    /** {SCR's peak index, days in milk at the peak (NaN for heifers)} of the episode starting at {@code start}. */
    double[] peak(CowId cow, Instant start) {
        return peaks.get(cow).get(start);
    }

    /** SCR's highest activity-change index over the blocks from {@code from} to {@code to}; NaN if none. */
    double maxIndex(CowId cow, Instant from, Instant to) {
        return index.get(cow).entrySet().stream()
                .filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to) && !Double.isNaN(e.getValue()))
                .mapToDouble(Map.Entry::getValue).max().orElse(Double.NaN);
    }

    private double share(CowId cow, Instant t) {
        return sum10h(cow, t) / herdSum.getOrDefault(t, Double.NaN);
    }

    private double sum10h(CowId cow, Instant t) {
        double s = 0;
        for (int i = 0; i < 5; i++) {
            Double v = activity.get(cow).get(t.minus(HeatEvaluation.BLOCK.multipliedBy(i)));
            if (v == null) {
                return Double.NaN;
            }
            s += v;
        }
        return s;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
