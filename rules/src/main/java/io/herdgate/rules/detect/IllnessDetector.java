package io.herdgate.rules.detect;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.params.BaselineParams;
import io.herdgate.rules.params.IllnessParams;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Illness: the activity and rumination rates over the last {@code illness.window_h} hours against the
 * cow's own same-clock-window means; the larger drop counts. Needs {@code baseline.min_days} days of
 * own history (the herd prior is too coarse to call a cow ill).
 */
final class IllnessDetector {

    final AlarmTrack track = new AlarmTrack();
    private long belowSinceSec = CowState.NONE;

    void onHour(CowState cow, HourContext ctx) {
        IllnessParams p = cow.rules.illness();
        BaselineParams b = cow.rules.baseline();
        double minCov = b.minCoveragePct() / 100;
        double[] act = drop(cow, ctx, HourlyBins.ACTIVITY, p.windowHours(), b, minCov);
        double[] rum = drop(cow, ctx, HourlyBins.RUMINATION, p.windowHours(), b, minCov);
        double worst = Math.max(nanToMin(act[0]), nanToMin(rum[0]));
        if (worst == Double.NEGATIVE_INFINITY) {
            belowSinceSec = CowState.NONE;
            return;
        }
        if (track.isActive()) {
            if (worst < p.clearPct()) {
                track.clear(ctx.end(), ctx.listener());
            }
            return;
        }
        if (worst < p.dropPct() || !p.enabled()) {
            belowSinceSec = CowState.NONE;
            return;
        }
        if (belowSinceSec == CowState.NONE) {
            belowSinceSec = ctx.endSec() - 3600;
        }
        long held = ctx.endSec() - belowSinceSec;
        if (held >= p.minDurationHours() * 3600 && !track.inRefractory(ctx.endSec(), p.refractoryHours() * 3600)) {
            boolean byActivity = nanToMin(act[0]) >= nanToMin(rum[0]);
            double[] m = byActivity ? act : rum;
            double toWindow = p.windowHours() * 60.0;
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("activity_drop_pct", act[0]);
            f.put("rumination_drop_pct", rum[0]);
            Explanation e = Explanation.of((byActivity ? "activity_" : "rumination_min_") + p.windowHours() + "h",
                    m[1] * toWindow, OptionalDouble.of(m[2] * toWindow), m[2] * toWindow * (1 - p.dropPct() / 100),
                    Duration.ofSeconds(held), f);
            track.raise(Alarm.of(cow.id, AlarmType.ILLNESS, ctx.end(), p.severity(), e), ctx.listener());
        }
    }

    /** {drop %, current rate, baseline rate}; drop NaN when not judgeable (warm-up, no data). */
    private static double[] drop(CowState cow, HourContext ctx, int measure, int w, BaselineParams b, double minCov) {
        HourWindow win = HourWindow.of(cow.bins, measure, ctx.hour(), w, b.days());
        double base = win.ownRate();
        if (win.coverage() < minCov || win.days() < b.minDays() || !(base > 0)) {
            return new double[] {Double.NaN, win.rate(), base};
        }
        double judged = base * win.filledRatio(base);
        return new double[] {100 * (1 - judged / base), judged, base};
    }

    private static double nanToMin(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    void write(DataOutput out) throws IOException {
        track.write(out);
        out.writeLong(belowSinceSec);
    }

    void read(DataInput in) throws IOException {
        track.read(in);
        belowSinceSec = in.readLong();
    }
}
