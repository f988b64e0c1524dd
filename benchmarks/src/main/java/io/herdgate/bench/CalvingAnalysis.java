package io.herdgate.bench;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.detect.CalvingCalendar;
import io.herdgate.rules.detect.DetectionEngine;
import io.herdgate.rules.evaluation.CalvingFigures;
import io.herdgate.rules.evaluation.CalvingSet;
import io.herdgate.rules.evaluation.Evaluation;
import io.herdgate.rules.params.CalvingParams;
import io.herdgate.rules.params.RuleSet;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The calving analysis on the development split (not shipped): per calving the last 48 h of each
 * measure against the cow's own earlier days, the calving alarms of the shipped defaults (false ones
 * marked), a neighbourhood scan of the calving parameters and a leave-one-cow-out check.
 * Usage: {@code java -cp benchmarks.jar io.herdgate.bench.CalvingAnalysis <data dir> [--without-rumination]
 * [table|alarms|scan|loco|restless]...} (table, alarms, scan and loco when none is named; restless scans
 * the restlessness evidence's window and unit and cross-validates over cows). With {@code --without-rumination} every part
 * runs on the calvings with the rumination column dropped, as a collar without a rumination measure (the
 * gateway's raw 10-Hz collars) delivers them.
 */
public final class CalvingAnalysis {

    private static final Duration HORIZON = Duration.ofHours(24);
    private static final long BLOCK_H = CalvingSet.BLOCK.toHours();
    private static final int[] WINDOWS = {3, 4, 5, 6};
    private static final double[] SCORES = {0.8, 0.9, 1.0, 1.1, 1.2};
    private static final double[] DURATIONS = {120, 180, 240};
    private static final double[] UNITS = {25, 30, 35};
    private static final int[] RESTLESS_WINDOWS = {12, 16, 20, 24};
    private static final double[] RESTLESS_UNITS = {150, 200, 300, 400, 500};
    /** The healthy per-minute cows' false calving alarms the restlessness grid may keep (per cow-week). */
    private static final double MAX_HEALTHY_PER_COW_WEEK = 0.1;

    private static final String WITHOUT_RUMINATION = "--without-rumination";

    private final Path dataDir;
    private final boolean withoutRumination;
    private final CalvingSet set;

    private CalvingAnalysis(Path dataDir, boolean withoutRumination) {
        this.dataDir = dataDir;
        this.withoutRumination = withoutRumination;
        CalvingSet read = CalvingSet.read(dataDir.resolve("calving"));
        this.set = withoutRumination ? read.withoutRumination() : read;
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: CalvingAnalysis <data dir> [" + WITHOUT_RUMINATION + "] [table|alarms|scan|loco|restless]...");
            return;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        boolean withoutRumination = rest.contains(WITHOUT_RUMINATION);
        CalvingAnalysis a = new CalvingAnalysis(Path.of(args[0]), withoutRumination);
        List<String> named = rest.stream().filter(s -> !s.equals(WITHOUT_RUMINATION)).toList();
        List<String> parts = named.isEmpty() ? List.of("table", "alarms", "scan", "loco") : named;
        if (withoutRumination) {
            System.out.println("== every part without rumination (the column dropped, as a collar without it delivers the data)");
        }
        for (String part : parts) {
            switch (part) {
                case "table" -> a.table();
                case "alarms" -> a.alarms();
                case "scan" -> a.scan();
                case "loco" -> a.leaveOneCowOut();
                case "restless" -> a.restless();
                default -> System.err.println("unknown part '" + part + "'; allowed: table, alarms, scan, loco, restless");
            }
        }
    }

    /** Per calving and measure: the value of each 2-h block of the last 48 h / the mean of the same block on earlier days. */
    private void table() {
        Map<CowId, Map<Long, Observation>> byBlock = new LinkedHashMap<>();
        for (Observation o : set.observations()) {
            long h = Duration.between(set.calvings().get(o.cow()), o.start()).toHours();
            byBlock.computeIfAbsent(o.cow(), c -> new HashMap<>()).put(h, o);
        }
        Map<String, ToDoubleFunction<Observation>> measures = new LinkedHashMap<>();
        measures.put("rumination_min", Observation::ruminationMin);
        measures.put("lying_min", Observation::lyingMin);
        measures.put("lying_bouts", Observation::lyingBouts);
        measures.put("min_per_bout", o -> o.lyingBouts() > 0 ? o.lyingMin() / o.lyingBouts() : Double.NaN);
        measures.put("steps", Observation::steps);
        measures.put("activity", Observation::activity);
        System.out.println("== last 48 h before calving: value/usual per 2-h block (usual = mean of the same clock block on the cow's earlier days in the data; . = no value)");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-16s", "block (h)"));
        for (long h = -48; h < 0; h += BLOCK_H) {
            head.append(String.format(Locale.ROOT, "%9d", h));
        }
        for (Map.Entry<CowId, Map<Long, Observation>> cow : byBlock.entrySet()) {
            System.out.println(cow.getKey().value() + " (calving " + set.calvings().get(cow.getKey()) + ")");
            System.out.println(head);
            for (Map.Entry<String, ToDoubleFunction<Observation>> m : measures.entrySet()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s", m.getKey()));
                for (long h = -48; h < 0; h += BLOCK_H) {
                    double v = value(cow.getValue().get(h), m.getValue());
                    double sum = 0;
                    int n = 0;
                    for (long e = h - 24; e >= -72; e -= 24) {
                        double u = value(cow.getValue().get(e), m.getValue());
                        if (!Double.isNaN(u)) {
                            sum += u;
                            n++;
                        }
                    }
                    line.append(String.format(Locale.ROOT, "%9s", cell(v) + "/" + (n == 0 ? "." : cell(sum / n))));
                }
                System.out.println(line);
            }
        }
    }

    private static double value(Observation o, ToDoubleFunction<Observation> m) {
        return o == null ? Double.NaN : m.applyAsDouble(o);
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "." : String.format(Locale.ROOT, "%.0f", v);
    }

    /** The calving alarms of the shipped defaults, hours before calving, false ones marked. */
    private void alarms() {
        System.out.println("== calving alarms with the shipped defaults (hours before the calving block; FALSE = more than 24 h before)");
        Map<CowId, List<Alarm>> byCow = raised(RuleSet.defaults());
        for (Map.Entry<CowId, Instant> c : set.calvings().entrySet()) {
            List<String> at = new ArrayList<>();
            for (Alarm a : byCow.getOrDefault(c.getKey(), List.of())) {
                double before = Duration.between(a.raisedAt(), c.getValue()).toMinutes() / 60.0;
                at.add(String.format(Locale.ROOT, "%.0f h%s (score %.2f %s)", before,
                        before > HORIZON.toHours() ? " FALSE" : before < 0 ? " late" : "", a.explanation().value(),
                        a.explanation().features()));
            }
            System.out.printf(Locale.ROOT, "%-8s %s%n", c.getKey().value(), at.isEmpty() ? "no alarm" : String.join("; ", at));
        }
        Outcome total = Outcome.of(set, byCow, set.calvings().keySet());
        Evaluation evaluation = Evaluation.of(dataDir);
        CalvingFigures f = withoutRumination ? evaluation.calvingWithoutRumination() : evaluation.calving();
        System.out.printf(Locale.ROOT, "alarmed %d of %d, false %d (evaluation: %d of %d, false %d, %.3f per cow-week)%n",
                total.alarmed, total.calvings, total.falseAlarms, f.alarmed(), f.calvings(), f.falseAlarms(),
                f.falseAlarmsPerCowWeek());
    }

    /**
     * The restlessness evidence's own parameters (window and unit) with the rest at the defaults: the calvings
     * alarmed and false, and the false calving alarms on the healthy per-minute cows (leg sensor, long history);
     * then leave one cow out over that grid: for each calving cow the point with the most alarmed and no false
     * alarm on the other 27 among the points that keep the healthy cows at or under
     * {@value #MAX_HEALTHY_PER_COW_WEEK} false alarms per cow-week (ties: nearest the defaults) is judged on her.
     */
    private void restless() {
        System.out.println("== restlessness window x unit (alarmed of 28 / false alarms; healthy per-minute cows: false calving alarms per cow-week)");
        CalvingParams d = CalvingParams.defaults();
        Map<CalvingParams, Map<CowId, List<Alarm>>> runs = new LinkedHashMap<>();
        for (int w : RESTLESS_WINDOWS) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "restless window %2d h:", w));
            for (double u : RESTLESS_UNITS) {
                CalvingParams p = withRestless(d, w, u);
                RuleSet rules = RuleSet.defaults().withCalving(p);
                Map<CowId, List<Alarm>> alarms = raised(rules);
                Outcome o = Outcome.of(set, alarms, set.calvings().keySet());
                double healthy = Evaluation.of(dataDir, rules).minute().calvingAlarmsPerCowWeek();
                if (healthy <= MAX_HEALTHY_PER_COW_WEEK) {
                    runs.put(p, alarms);
                }
                line.append(String.format(Locale.ROOT, "  unit %3.0f %% %d/%d healthy %.3f", u, o.alarmed, o.falseAlarms, healthy));
            }
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "== leave one cow out over the %d points with at most %.1f false alarms per healthy cow-week%n",
                runs.size(), MAX_HEALTHY_PER_COW_WEEK);
        leaveOneCowOut(runs, d, p -> String.format(Locale.ROOT, "restless window %d h unit %.0f %%",
                p.restlessWindowHours(), p.restlessRisePct()));
    }

    private static CalvingParams withRestless(CalvingParams d, int window, double unitPct) {
        return CalvingParams.of(d.enabled(), d.severity(), d.windowHours(), d.score(), d.ruminationDropPct(),
                d.boutShorteningPct(), window, unitPct, d.minDurationMin(), d.clearHours(), d.refractoryDays(),
                d.relabelBeforeHours(), d.relabelAfterHours());
    }

    /** Every grid point: figures, then one parameter at a time around the defaults. */
    private void scan() {
        System.out.println("== neighbourhood scan (alarmed of 28 / false alarms); defaults: window 4 h, score 1.0, 180 min, 30 %/30 %");
        CalvingParams d = CalvingParams.defaults();
        int reach = 0;
        int points = 0;
        for (int w : WINDOWS) {
            for (double s : SCORES) {
                for (double m : DURATIONS) {
                    for (double u : UNITS) {
                        Outcome o = outcome(with(d, w, s, m, u), set.calvings().keySet());
                        points++;
                        if (o.falseAlarms == 0 && o.alarmed >= 24) {
                            reach++;
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "grid of %d points: %d with 0 false alarms and at least 24 of 28 alarmed%n", points, reach);
        for (int w : WINDOWS) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "window %d h, 180 min, 30 %%:", w));
            for (double s : SCORES) {
                Outcome o = outcome(with(d, w, s, 180, 30), set.calvings().keySet());
                line.append(String.format(Locale.ROOT, "  score %.1f %d/%d", s, o.alarmed, o.falseAlarms));
            }
            System.out.println(line);
        }
        for (double m : DURATIONS) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "window 4 h, %3.0f min:", m));
            for (double u : UNITS) {
                Outcome o = outcome(with(d, 4, 1.0, m, u), set.calvings().keySet());
                line.append(String.format(Locale.ROOT, "  units %.0f %% %d/%d", u, o.alarmed, o.falseAlarms));
            }
            System.out.println(line);
        }
    }

    /** Leave one cow out over the grid of the scan (window, score, minimum duration, units). */
    private void leaveOneCowOut() {
        System.out.println("== leave one cow out (grid above; choice on 27 cows, judged on the left-out one)");
        CalvingParams d = CalvingParams.defaults();
        Map<CalvingParams, Map<CowId, List<Alarm>>> runs = new LinkedHashMap<>();
        for (int w : WINDOWS) {
            for (double s : SCORES) {
                for (double m : DURATIONS) {
                    for (double u : UNITS) {
                        CalvingParams p = with(d, w, s, m, u);
                        runs.put(p, raised(RuleSet.defaults().withCalving(p)));
                    }
                }
            }
        }
        leaveOneCowOut(runs, d, p -> String.format(Locale.ROOT, "window %d h score %.1f %3.0f min units %.0f %%",
                p.windowHours(), p.score(), p.minDurationMin(), p.ruminationDropPct()));
    }

    /**
     * For each cow the grid point with the most alarmed and no false alarm on the other 27 (ties: the one
     * nearest the defaults) is judged on that cow alone.
     */
    private void leaveOneCowOut(Map<CalvingParams, Map<CowId, List<Alarm>>> runs, CalvingParams d,
                                Function<CalvingParams, String> describe) {
        int alarmed = 0;
        int falseAlarms = 0;
        int chosenDefaults = 0;
        for (CowId out : set.calvings().keySet()) {
            List<CowId> rest = set.calvings().keySet().stream().filter(c -> !c.equals(out)).toList();
            CalvingParams best = runs.keySet().stream()
                    .max(Comparator.<CalvingParams>comparingInt(p -> Outcome.of(set, runs.get(p), rest).merit())
                            .thenComparing(p -> -distance(p, d)))
                    .orElseThrow();
            Outcome o = Outcome.of(set, runs.get(best), List.of(out));
            alarmed += o.alarmed;
            falseAlarms += o.falseAlarms;
            chosenDefaults += best.equals(d) ? 1 : 0;
            System.out.printf(Locale.ROOT, "%-8s chosen %s: %s%n", out.value(), describe.apply(best),
                    o.alarmed == 1 ? "alarmed" : "missed" + (o.falseAlarms > 0 ? ", " + o.falseAlarms + " false" : ""));
        }
        System.out.printf(Locale.ROOT, "left-out cows alarmed %d of %d, false alarms %d; the defaults were chosen %d times%n",
                alarmed, set.calvings().size(), falseAlarms, chosenDefaults);
    }

    private static double distance(CalvingParams p, CalvingParams d) {
        return Math.abs(p.windowHours() - d.windowHours()) + Math.abs(p.score() - d.score()) * 10
                + Math.abs(p.minDurationMin() - d.minDurationMin()) / 60 + Math.abs(p.ruminationDropPct() - d.ruminationDropPct()) / 5
                + Math.abs(p.restlessWindowHours() - d.restlessWindowHours()) / 4.0
                + Math.abs(p.restlessRisePct() - d.restlessRisePct()) / 100;
    }

    /** The defaults with window, score, minimum duration and both evidence units (rumination and bout) changed. */
    private static CalvingParams with(CalvingParams d, int window, double score, double minDurationMin, double unitPct) {
        return CalvingParams.of(d.enabled(), d.severity(), window, score, unitPct, unitPct, d.restlessWindowHours(),
                d.restlessRisePct(), minDurationMin,
                d.clearHours(), d.refractoryDays(), d.relabelBeforeHours(), d.relabelAfterHours());
    }

    private Outcome outcome(CalvingParams p, Collection<CowId> cows) {
        return Outcome.of(set, raised(RuleSet.defaults().withCalving(p)), cows);
    }

    /** Calving alarms per cow, through the public engine in time order (as the evaluation runs it). */
    private Map<CowId, List<Alarm>> raised(RuleSet ruleSet) {
        Map<CowId, List<Alarm>> out = new HashMap<>();
        DetectionEngine engine = DetectionEngine.builder()
                .rules(Rules.uniform(ruleSet))
                .zone(ZoneOffset.UTC)
                .clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .calendar(CalvingCalendar.none())
                .listener(e -> {
                    if (e instanceof AlarmEvent.Raised r && r.alarm().type() == AlarmType.CALVING) {
                        out.computeIfAbsent(r.alarm().cow(), c -> new ArrayList<>()).add(r.alarm());
                    }
                })
                .build();
        List<Observation> sorted = new ArrayList<>(set.observations());
        sorted.sort(Comparator.comparing(Observation::start).thenComparing(Observation::cow));
        sorted.forEach(engine::accept);
        return out;
    }

    /** Alarmed calvings and false alarms over some cows, by the evaluation's rule. */
    private record Outcome(int calvings, int alarmed, int falseAlarms) {

        /** Alarmed counts; a false alarm weighs ten, because the target allows almost none. */
        int merit() {
            return alarmed - 10 * falseAlarms;
        }

        static Outcome of(CalvingSet set, Map<CowId, List<Alarm>> alarms, Collection<CowId> cows) {
            int alarmed = 0;
            int falseAlarms = 0;
            for (CowId c : cows) {
                Instant t = set.calvings().get(c);
                List<Alarm> list = alarms.getOrDefault(c, List.of());
                if (list.stream().anyMatch(a -> !a.raisedAt().isBefore(t.minus(HORIZON)) && !a.raisedAt().isAfter(t))) {
                    alarmed++;
                }
                falseAlarms += (int) list.stream().filter(a -> a.raisedAt().isBefore(t.minus(HORIZON))).count();
            }
            return new Outcome(cows.size(), alarmed, falseAlarms);
        }
    }
}
