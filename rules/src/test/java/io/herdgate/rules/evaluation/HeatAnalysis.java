package io.herdgate.rules.evaluation;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.params.BaselineParams;
import io.herdgate.rules.params.HeatParams;
import io.herdgate.rules.params.RuleSet;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Development aid for the heat detector, not shipped. Arguments: the datasets folder, then a mode:
 * <ul>
 *   <li>{@code list [window_h warmup_pct]} (default): with the shipped defaults (or that heat window and
 *       warm-up extra), every missed SCR episode (days of record, DIM,
 *       SCR's peak, the simple rule's best rise from 12 h before to 12 h after it: 10-h sum against the
 *       mean of the same clock window on up to 7 previous days, the herd's median rise and the cow's
 *       share of the herd's activity; see {@link HeatBlocks}) and every heat alarm that matches no
 *       episode (the detector's rise, days of own baseline, baseline source: herd prior, blend or own,
 *       and the same descriptions of its last block);</li>
 *   <li>{@code scan}: sensitivity, PPV and alarm rate with one parameter moved at a time;</li>
 *   <li>{@code gaps [seed]}: the alarms the cut gaps of the per-minute cows cause (the evaluation's seed,
 *       or the one given), with the missing minutes of the window before each;</li>
 *   <li>{@code seeds N...}: the alarms caused by gaps cut with other seeds, one line per seed;</li>
 *   <li>{@code cv}: leave one cow out over a grid of {@code heat.rise_pct}, {@code heat.warmup_pct},
 *       {@code heat.window_h} and {@code baseline.prior_days}: for each cow the grid point with the best min(sensitivity, PPV) on
 *       the other cows (ties to the point nearest the defaults) judges her; prints the in-sample figures
 *       of the defaults and of the best point beside the held-out figures.</li>
 * </ul>
 *
 * <p>Every grid point runs the whole herd through one engine (the herd prior is the herd's, held-out
 * cows included, as it is live); only the scoring is split by cow.
 */
public final class HeatAnalysis {

    private HeatAnalysis() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        String mode = args.length > 1 ? args[1] : "list";
        switch (mode) {
            case "list" -> list(data.resolve("heat"), args.length > 3
                    ? withWindow(RuleSet.defaults(), Integer.parseInt(args[2]), Double.parseDouble(args[3]))
                    : RuleSet.defaults());
            case "scan" -> scan(data.resolve("heat"));
            case "gaps" -> gaps(data.resolve("minute"), args.length > 2 ? OptionalLong.of(Long.parseLong(args[2]))
                    : OptionalLong.empty());
            case "seeds" -> seeds(data.resolve("minute"), args);
            case "cv" -> crossValidate(data.resolve("heat"));
            default -> throw new IllegalArgumentException("mode " + mode + ": use list, scan, gaps, seeds or cv");
        }
    }

    /** The rule set with another heat window (h) and warm-up extra (%), e.g. 10 and 0 for SCR's own rule. */
    private static RuleSet withWindow(RuleSet d, int window, double warmup) {
        return heat(d, h -> HeatParams.of(true, h.severity(), window, h.risePct(), warmup, h.clearPct(),
                h.minDurationMin(), h.refractoryHours(), h.cycleDays()));
    }

    private static void list(Path heat, RuleSet rules) {
        List<Observation> obs = HeatEvaluation.observations(heat);
        List<HeatEvaluation.Episode> episodes = HeatEvaluation.episodes(heat);
        List<Alarm> alarms = HeatEvaluation.heatAlarms(obs, Rules.uniform(rules));
        HeatBlocks blocks = HeatBlocks.of(heat);
        System.out.println(HeatEvaluation.score(episodes, alarms, obs.size() / 12.0));
        System.out.println("missed episodes: cow, start, end, days of record, DIM at peak, SCR peak; simple rule's best"
                + " rise (days behind it) and the herd's median rise at that block; highest share against the herd");
        for (HeatEvaluation.Episode e : episodes) {
            if (e.counted() && alarms.stream().noneMatch(e::matches)) {
                double[] best = {Double.NaN, 0};
                Instant bestAt = e.start();
                double againstHerd = Double.NaN;
                for (Instant t = e.start().minus(HeatEvaluation.MATCH_MARGIN);
                     !t.isAfter(e.end().plus(HeatEvaluation.MATCH_MARGIN)); t = t.plus(HeatEvaluation.BLOCK)) {
                    double[] r = blocks.simpleRise(e.cow(), t);
                    if (!Double.isNaN(r[0]) && !(r[0] <= best[0])) {
                        best = r;
                        bestAt = t;
                    }
                    double h = blocks.againstHerd(e.cow(), t);
                    if (!Double.isNaN(h) && !(h <= againstHerd)) {
                        againstHerd = h;
                    }
                }
                double[] peak = blocks.peak(e.cow(), e.start());
                System.out.printf(Locale.ROOT, "  %-5s %s %s %5.1f d  DIM %3.0f  SCR %3.0f  own %4.0f %% (%.0f d)  herd %4.0f %%"
                                + "  vs herd %4.0f %%%n", e.cow(), e.start(), e.end(),
                        blocks.daysOfRecord(e.cow(), e.start()), peak[1], peak[0], best[0], best[1],
                        blocks.herdRise(bestAt), againstHerd);
            }
        }
        System.out.println("false alarms: cow, raised, days of record, DIM, SCR's highest index within 12 h;"
                + " detector's rise, days of own baseline, source; simple rise (days), herd's median rise, share"
                + " against the herd, all at the alarm's last block");
        for (Alarm a : alarms) {
            if (episodes.stream().noneMatch(e -> e.matches(a))) {
                Map<String, Double> f = a.explanation().features();
                double ownDays = f.getOrDefault("own_baseline_days", 0.0);
                String source = ownDays == 0 ? "herd prior" : ownDays >= 7 ? "own" : "blend";
                Instant last = a.raisedAt().minus(HeatEvaluation.BLOCK);
                double[] simple = blocks.simpleRise(a.cow(), last);
                System.out.printf(Locale.ROOT, "  %-5s %s %5.1f d  DIM %3.0f  SCR %3.0f  rise %4.0f %%  %.1f d  %-10s"
                                + "  own %4.0f %% (%.0f d)  herd %4.0f %%  vs herd %4.0f %%%n", a.cow(), a.raisedAt(),
                        blocks.daysOfRecord(a.cow(), a.raisedAt()), blocks.dim(a.cow(), last),
                        blocks.maxIndex(a.cow(), last.minus(HeatEvaluation.MATCH_MARGIN),
                                last.plus(HeatEvaluation.MATCH_MARGIN)),
                        f.getOrDefault("rise_pct", Double.NaN), ownDays, source, simple[0], simple[1],
                        blocks.herdRise(last), blocks.againstHerd(a.cow(), last));
            }
        }
    }

    private static void scan(Path heat) {
        List<Observation> obs = HeatEvaluation.observations(heat);
        List<HeatEvaluation.Episode> episodes = HeatEvaluation.episodes(heat);
        RuleSet d = RuleSet.defaults();
        Map<String, RuleSet> sets = new LinkedHashMap<>();
        sets.put("defaults", d);
        for (double rise : new double[] {60, 65, 75, 80}) {
            sets.put("heat.rise_pct " + rise, heat(d, h -> HeatParams.of(true, h.severity(), h.windowHours(), rise,
                    h.warmupPct(), h.clearPct(), h.minDurationMin(), h.refractoryHours(), h.cycleDays())));
        }
        for (double warmup : new double[] {0, 30}) {
            sets.put("heat.warmup_pct " + warmup, heat(d, h -> HeatParams.of(true, h.severity(), h.windowHours(),
                    h.risePct(), warmup, h.clearPct(), h.minDurationMin(), h.refractoryHours(), h.cycleDays())));
        }
        for (int w : new int[] {10, 12}) {
            sets.put("heat.window_h " + w, heat(d, h -> HeatParams.of(true, h.severity(), w, h.risePct(),
                    h.warmupPct(), h.clearPct(), h.minDurationMin(), h.refractoryHours(), h.cycleDays())));
        }
        for (double clear : new double[] {25, 50}) {
            sets.put("heat.clear_pct " + clear, heat(d, h -> HeatParams.of(true, h.severity(), h.windowHours(), h.risePct(),
                    h.warmupPct(), clear, h.minDurationMin(), h.refractoryHours(), h.cycleDays())));
        }
        for (double refractory : new double[] {12, 36}) {
            sets.put("heat.refractory_h " + refractory, heat(d, h -> HeatParams.of(true, h.severity(), h.windowHours(), h.risePct(),
                    h.warmupPct(), h.clearPct(), h.minDurationMin(), refractory, h.cycleDays())));
        }
        for (double min : new double[] {120, 240}) {
            sets.put("heat.min_duration_min " + min, heat(d, h -> HeatParams.of(true, h.severity(), h.windowHours(), h.risePct(),
                    h.warmupPct(), h.clearPct(), min, h.refractoryHours(), h.cycleDays())));
        }
        BaselineParams b = d.baseline();
        for (double p : new double[] {1, 4}) {
            sets.put("baseline.prior_days " + p, d.withBaseline(BaselineParams.of(b.days(), b.minCoveragePct(), p,
                    b.minDays())));
        }
        for (int min : new int[] {2, 5}) {
            sets.put("baseline.min_days " + min, d.withBaseline(BaselineParams.of(b.days(), b.minCoveragePct(),
                    b.priorDays(), min)));
        }
        for (double c : new double[] {50, 90}) {
            sets.put("baseline.min_coverage_pct " + c, d.withBaseline(BaselineParams.of(b.days(), c,
                    b.priorDays(), b.minDays())));
        }
        for (Map.Entry<String, RuleSet> e : sets.entrySet()) {
            HeatFigures f = HeatEvaluation.score(episodes, HeatEvaluation.heatAlarms(obs, Rules.uniform(e.getValue())),
                    obs.size() / 12.0);
            System.out.printf(Locale.ROOT, "  %-30s sensitivity %.3f (%d/%d)  PPV %.3f (%d/%d)  %.2f per 100 cow-days%n",
                    e.getKey(), f.sensitivity(), f.detected(), f.episodes(), f.ppv(), f.truePositives(), f.alarms(),
                    f.alarmsPer100CowDays());
        }
    }

    /** One grid point of {@link #crossValidate}. */
    private record Point(double rise, double warmup, int window, double priorDays) {
        /** Steps from the defaults, to break ties towards them. */
        double distance(RuleSet d) {
            return Math.abs(rise - d.heat().risePct()) / 5 + Math.abs(warmup - d.heat().warmupPct()) / 15
                    + Math.abs(window - d.heat().windowHours()) / 2.0
                    + Math.abs(Math.log(priorDays / d.baseline().priorDays()) / Math.log(2));
        }

        RuleSet apply(RuleSet d) {
            HeatParams h = d.heat();
            BaselineParams b = d.baseline();
            return d.withHeat(HeatParams.of(true, h.severity(), window, rise, warmup, h.clearPct(),
                    h.minDurationMin(), h.refractoryHours(), h.cycleDays())).withBaseline(BaselineParams.of(b.days(), b.minCoveragePct(),
                    priorDays, b.minDays()));
        }
    }

    /** Counts of one cow under one grid point: {episodes, detected, alarms, true positives}. */
    private static int[] counts(List<HeatEvaluation.Episode> episodes, List<Alarm> alarms) {
        HeatFigures f = HeatEvaluation.score(episodes, alarms, 1);
        return new int[] {f.episodes(), f.detected(), f.alarms(), f.truePositives()};
    }

    private static void crossValidate(Path heat) {
        List<Observation> obs = HeatEvaluation.observations(heat);
        List<HeatEvaluation.Episode> episodes = HeatEvaluation.episodes(heat);
        List<CowId> cows = obs.stream().map(Observation::cow).distinct().sorted().toList();
        RuleSet d = RuleSet.defaults();
        List<Point> grid = new ArrayList<>();
        for (double rise : new double[] {60, 65, 70, 75, 80}) {
            for (double warmup : new double[] {0, 15, 30, 45}) {
                for (int w : new int[] {8, 10, 12}) {
                    for (double p : new double[] {1, 2, 4}) {
                        grid.add(new Point(rise, warmup, w, p));
                    }
                }
            }
        }
        // counts[point][cow]
        int[][][] counts = new int[grid.size()][cows.size()][];
        for (int g = 0; g < grid.size(); g++) {
            List<Alarm> alarms = HeatEvaluation.heatAlarms(obs, Rules.uniform(grid.get(g).apply(d)));
            for (int c = 0; c < cows.size(); c++) {
                CowId cow = cows.get(c);
                counts[g][c] = counts(episodes.stream().filter(e -> e.cow().equals(cow)).toList(),
                        alarms.stream().filter(a -> a.cow().equals(cow)).toList());
            }
        }
        int defaults = grid.indexOf(new Point(d.heat().risePct(), d.heat().warmupPct(), d.heat().windowHours(),
                d.baseline().priorDays()));
        int best = choose(grid, counts, -1, d);
        System.out.println("in-sample, defaults " + grid.get(defaults) + ": " + line(total(counts[defaults], -1)));
        System.out.println("in-sample, best " + grid.get(best) + ": " + line(total(counts[best], -1)));
        int[] held = new int[4];
        Map<Point, Integer> chosen = new TreeMap<>(Comparator.comparing(Point::toString));
        for (int c = 0; c < cows.size(); c++) {
            int g = choose(grid, counts, c, d);
            chosen.merge(grid.get(g), 1, Integer::sum);
            for (int i = 0; i < 4; i++) {
                held[i] += counts[g][c][i];
            }
        }
        System.out.println("leave one cow out (" + cows.size() + " cows): " + line(held));
        System.out.println("points chosen: " + chosen);
    }

    /** The grid point with the best min(sensitivity, PPV) over all cows but {@code leftOut}. */
    private static int choose(List<Point> grid, int[][][] counts, int leftOut, RuleSet d) {
        int best = -1;
        double bestScore = -1;
        for (int g = 0; g < grid.size(); g++) {
            int[] t = total(counts[g], leftOut);
            double score = Math.min((double) t[1] / t[0], t[2] == 0 ? 0 : (double) t[3] / t[2]);
            if (score > bestScore + 1e-12
                    || Math.abs(score - bestScore) <= 1e-12 && grid.get(g).distance(d) < grid.get(best).distance(d)) {
                best = g;
                bestScore = score;
            }
        }
        return best;
    }

    private static int[] total(int[][] perCow, int leftOut) {
        int[] t = new int[4];
        for (int c = 0; c < perCow.length; c++) {
            if (c != leftOut) {
                for (int i = 0; i < 4; i++) {
                    t[i] += perCow[c][i];
                }
            }
        }
        return t;
    }

    private static String line(int[] t) {
        return String.format(Locale.ROOT, "sensitivity %.3f (%d/%d)  PPV %.3f (%d/%d)", (double) t[1] / t[0], t[1],
                t[0], (double) t[3] / t[2], t[3], t[2]);
    }

    private static RuleSet heat(RuleSet d, UnaryOperator<HeatParams> change) {
        return d.withHeat(change.apply(d.heat()));
    }

    private static void gaps(Path minute, OptionalLong seed) {
        Rules rules = Rules.uniform(RuleSet.defaults());
        List<List<Observation>> cows = MinuteEvaluation.load(minute);
        List<Observation> gapped = seed.isPresent()
                ? MinuteEvaluation.gapped(cows, new ArrayList<>(), seed.getAsLong())
                : MinuteEvaluation.gapped(cows, new ArrayList<>());
        List<Alarm> full = EngineRun.raised(cows.stream().flatMap(List::stream).toList(), rules);
        Map<CowId, Map<Instant, Boolean>> present = new HashMap<>();
        for (Observation o : gapped) {
            present.computeIfAbsent(o.cow(), c -> new HashMap<>()).put(o.start(), !o.isEmpty());
        }
        System.out.println("alarms caused by gaps (seed of the evaluation), with the missing minutes per hour of the 24 h before:");
        for (Alarm a : MinuteEvaluation.causedByGaps(full, EngineRun.raised(gapped, rules))) {
            StringBuilder missing = new StringBuilder();
            for (int hour = 0; hour < 24; hour++) {
                int m = 0;
                for (int i = 1; i <= 60; i++) {
                    Instant t = a.raisedAt().minus(Duration.ofMinutes(60L * hour + i));
                    m += present.get(a.cow()).getOrDefault(t, false) ? 0 : 1;
                }
                missing.append(' ').append(m);
            }
            System.out.println("  " + a.cow() + " " + a.type() + " " + a.raisedAt() + " " + a.explanation().features()
                    + "\n   " + missing);
        }
    }

    private static void seeds(Path minute, String[] args) {
        Rules rules = Rules.uniform(RuleSet.defaults());
        List<List<Observation>> cows = MinuteEvaluation.load(minute);
        List<Alarm> full = EngineRun.raised(cows.stream().flatMap(List::stream).toList(), rules);
        for (int i = 2; i < args.length; i++) {
            long seed = Long.parseLong(args[i]);
            List<MinuteEvaluation.Gap> gaps = new ArrayList<>();
            List<Alarm> caused = MinuteEvaluation.causedByGaps(full,
                    EngineRun.raised(MinuteEvaluation.gapped(cows, gaps, seed), rules));
            System.out.printf(Locale.ROOT, "  seed %d: %d gaps, %d caused an alarm: %s%n", seed, gaps.size(),
                    caused.size(), caused.stream().map(a -> a.cow() + " " + a.type() + " " + a.raisedAt()).toList());
        }
    }
}
