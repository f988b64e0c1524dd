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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Development aid, not shipped: lists every missed SCR episode and every false heat alarm of the shipped
 * defaults on the heat data, with the cow's days of record and the rise. For a missed episode the rise is
 * the simple rule's (10-h sum against the mean of the same clock window on the previous days, up to 7),
 * its best value from 12 h before the episode to 12 h after it. Run with the datasets folder as argument.
 */
public final class HeatAnalysis {

    private HeatAnalysis() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        if (args.length > 1 && args[1].equals("full")) {
            System.out.print(Evaluation.of(data).run().render());
            return;
        }
        Path heat = data.resolve("heat");
        List<Observation> obs = HeatEvaluation.observations(heat);
        List<HeatEvaluation.Episode> episodes = HeatEvaluation.episodes(heat);
        if (args.length > 1 && args[1].equals("scan")) {
            scan(obs, episodes);
            return;
        }
        RuleSet rules = RuleSet.defaults();
        if (args.length > 1) {
            HeatParams h = rules.heat();
            double rise = Double.parseDouble(args[1]);
            rules = rules.withHeat(HeatParams.of(true, h.severity(), h.windowHours(), rise, Math.min(rise, h.clearPct()),
                    h.minDurationMin(), h.refractoryHours(), h.cycleDays()));
        }
        List<Alarm> alarms = HeatEvaluation.heatAlarms(obs, Rules.uniform(rules));
        Map<CowId, TreeMap<Instant, Double>> byCow = new HashMap<>();
        for (Observation o : obs) {
            byCow.computeIfAbsent(o.cow(), c -> new TreeMap<>()).put(o.start(), o.activity());
        }
        System.out.println(HeatEvaluation.score(episodes, alarms, obs.size() / 12.0));
        System.out.println("missed episodes: cow, start, end, days of record at start, simple-rule best rise %, its days of history");
        for (HeatEvaluation.Episode e : episodes) {
            if (e.counted() && alarms.stream().noneMatch(e::matches)) {
                TreeMap<Instant, Double> cow = byCow.get(e.cow());
                double best = Double.NaN;
                int bestDays = 0;
                for (Instant t = e.start().minus(HeatEvaluation.MATCH_MARGIN);
                     !t.isAfter(e.end().plus(HeatEvaluation.MATCH_MARGIN)); t = t.plus(HeatEvaluation.BLOCK)) {
                    double[] r = simpleRise(cow, t);
                    if (!Double.isNaN(r[0]) && !(r[0] <= best)) {
                        best = r[0];
                        bestDays = (int) r[1];
                    }
                }
                String nearest = alarms.stream().filter(a -> a.cow().equals(e.cow()))
                        .map(a -> a.raisedAt().toString())
                        .reduce((x, y) -> x + ", " + y).orElse("none");
                System.out.printf(Locale.ROOT, "  %-5s %s %s %5.1f d  %6.0f %%  %d d  (her alarms: %s)%n", e.cow(),
                        e.start(), e.end(), days(cow, e.start()), best, bestDays, nearest);
            }
        }
        System.out.println("false alarms: cow, raised, days of record, rise %, own baseline days, source");
        for (Alarm a : alarms) {
            boolean hit = episodes.stream().anyMatch(e -> e.matches(a));
            if (!hit || args.length > 2) {
                Map<String, Double> f = a.explanation().features();
                double ownDays = f.getOrDefault("own_baseline_days", 0.0);
                String source = ownDays == 0 ? "herd prior" : ownDays >= 7 ? "own" : "blend";
                System.out.printf(Locale.ROOT, "  %s %-5s %s %5.1f d  %6.0f %%  %.0f d  %s  %s%n", hit ? "hit " : "FALSE", a.cow(), a.raisedAt(),
                        days(byCow.get(a.cow()), a.raisedAt()), f.getOrDefault("rise_pct", Double.NaN), ownDays,
                        source, f);
            }
        }
    }

    /** Sensitivity, PPV and alarm rate around the defaults: one parameter moved at a time. */
    private static void scan(List<Observation> obs, List<HeatEvaluation.Episode> episodes) {
        RuleSet d = RuleSet.defaults();
        HeatParams h = d.heat();
        BaselineParams b = d.baseline();
        Map<String, RuleSet> sets = new LinkedHashMap<>();
        sets.put("defaults", d);
        for (double rise : new double[] {50, 55, 60, 65, 75, 80}) {
            sets.put("heat.rise_pct " + rise, d.withHeat(HeatParams.of(true, h.severity(), h.windowHours(), rise,
                    Math.min(rise, h.clearPct()), h.minDurationMin(), h.refractoryHours(), h.cycleDays())));
        }
        for (int w : new int[] {6, 8, 12}) {
            sets.put("heat.window_h " + w, d.withHeat(HeatParams.of(true, h.severity(), w, h.risePct(),
                    h.clearPct(), h.minDurationMin(), h.refractoryHours(), h.cycleDays())));
        }
        for (double min : new double[] {60, 120, 180, 240}) {
            sets.put("heat.min_duration_min " + min, d.withHeat(HeatParams.of(true, h.severity(), h.windowHours(),
                    h.risePct(), h.clearPct(), min, h.refractoryHours(), h.cycleDays())));
        }
        for (double p : new double[] {1, 3, 4, 6}) {
            sets.put("baseline.prior_days " + p, d.withBaseline(BaselineParams.of(b.days(), b.minCoveragePct(), p,
                    b.minDays())));
        }
        for (double c : new double[] {50, 60, 90}) {
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

    private static double days(TreeMap<Instant, Double> cow, Instant at) {
        return Duration.between(cow.firstKey(), at).toMinutes() / 1440.0;
    }

    /** {rise %, days of history} of the 10-h sum ending at the end of block {@code t}. */
    private static double[] simpleRise(TreeMap<Instant, Double> cow, Instant t) {
        double now = sum10h(cow, t);
        double base = 0;
        int n = 0;
        for (int k = 1; k <= 7; k++) {
            double s = sum10h(cow, t.minus(Duration.ofDays(k)));
            if (!Double.isNaN(s)) {
                base += s;
                n++;
            }
        }
        return n == 0 || Double.isNaN(now) ? new double[] {Double.NaN, 0} : new double[] {100 * (now * n / base - 1), n};
    }

    private static double sum10h(TreeMap<Instant, Double> cow, Instant t) {
        double s = 0;
        for (int i = 0; i < 5; i++) {
            Double v = cow.get(t.minus(HeatEvaluation.BLOCK.multipliedBy(i)));
            if (v == null) {
                return Double.NaN;
            }
            s += v;
        }
        return s;
    }
}
