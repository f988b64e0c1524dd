package io.herdgate.rules.replay;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human-readable lines of a replay: the summary and the comparison of two rule sets. */
public final class ReplayReport {

    private ReplayReport() {
    }

    /**
     * Summary lines: rows read and skipped, cows, cow-days, the row interval (and whether detected or
     * given), ignored columns, and alarms per type per 100 cow-days of rule set {@code index}.
     */
    public static List<String> summary(String input, ReplayResult r, int index) {
        ReplayStats s = r.stats();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s: %d rows read, %d skipped; %d cows, %.1f cow-days%s", input,
                s.rowsRead(), s.rowsSkipped(), s.cows(), s.cowDays(),
                r.stopped() ? "; STOPPED at the first bad row (--strict)" : ""));
        if (!s.ignoredColumns().isEmpty()) {
            out.add("ignored columns: " + String.join(", ", s.ignoredColumns()));
        }
        out.add("interval: " + s.describeIntervals());
        out.addAll(r.notes());
        out.add(rates(r.alarms().get(index), s.cowDays()));
        return out;
    }

    /** {@code alarms per 100 cow-days: heat 3.69 (54), illness 0.21 (3), ...}. */
    static String rates(List<Alarm> alarms, double cowDays) {
        Map<AlarmType, Integer> n = AlarmComparison.count(alarms);
        StringBuilder b = new StringBuilder("alarms per 100 cow-days:");
        for (AlarmType t : AlarmType.values()) {
            b.append(String.format(Locale.ROOT, " %s %.2f (%d)%s", t.jsonName(), per100(n.get(t), cowDays), n.get(t),
                    t.ordinal() < AlarmType.values().length - 1 ? "," : ""));
        }
        return b.toString();
    }

    /**
     * The comparison: the matching rule, one line per removed ({@code -}) and added ({@code +}) alarm in
     * time order, then per-type totals before and after.
     */
    public static List<String> comparison(String beforeName, String afterName, AlarmComparison c, double cowDays) {
        List<String> out = new ArrayList<>();
        out.add("compare " + beforeName + " -> " + afterName + ": alarms of the same cow and type raised at most "
                + ReplayStats.human(c.tolerance()) + " apart count as the same alarm");
        List<String[]> lines = new ArrayList<>();
        c.removed().forEach(a -> lines.add(new String[] {a.raisedAt().toString(), "- " + describe(a)}));
        c.added().forEach(a -> lines.add(new String[] {a.raisedAt().toString(), "+ " + describe(a)}));
        // same instant: removals before additions, then by cow (lines were built in output order)
        lines.sort((x, y) -> x[0].compareTo(y[0]));
        lines.forEach(l -> out.add(l[1]));
        out.add(String.format(Locale.ROOT, "%d removed, %d added, %d unchanged", c.removed().size(), c.added().size(), c.kept()));
        out.add(String.format(Locale.ROOT, "%-11s %7s %7s %7s   %s", "type", "before", "after", "change", "per 100 cow-days before -> after"));
        for (AlarmType t : AlarmType.values()) {
            int b = c.before().get(t);
            int a = c.after().get(t);
            out.add(String.format(Locale.ROOT, "%-11s %7d %7d %+7d   %.2f -> %.2f", t.jsonName(), b, a, a - b,
                    per100(b, cowDays), per100(a, cowDays)));
        }
        return out;
    }

    private static String describe(Alarm a) {
        return a.cow() + " " + a.type().jsonName() + " at " + a.raisedAt()
                + a.clearedAt().map(u -> " until " + u).orElse("") + " (" + a.severity().jsonName() + ", "
                + a.explanation().measure() + " " + fmt(a.explanation().value()) + " vs threshold "
                + fmt(a.explanation().threshold()) + ")";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static double per100(int n, double cowDays) {
        return cowDays > 0 ? 100.0 * n / cowDays : 0;
    }
}
