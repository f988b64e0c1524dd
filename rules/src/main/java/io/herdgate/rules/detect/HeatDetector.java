package io.herdgate.rules.detect;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.params.BaselineParams;
import io.herdgate.rules.params.CalvingParams;
import io.herdgate.rules.params.HeatParams;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Heat: the activity rate over the last {@code heat.window_h} hours against the blended baseline
 * (own same-clock-window mean and herd prior), raised at a rise of {@code heat.rise_pct}, cleared
 * under {@code heat.clear_pct}. Needs no own history: with none, the herd prior alone judges, except
 * for a cow that joined a running herd, who waits for {@code baseline.min_days} of her own. Without a
 * herd prior at that clock hour (a small herd's first days) the own baseline must rest on
 * {@code baseline.min_days}: a judgement never rests on a few hours of one night.
 */
final class HeatDetector {

    final AlarmTrack track = new AlarmTrack();
    private long aboveSinceSec = CowState.NONE;
    private long lastJudgedSec = CowState.NONE;
    private boolean newcomer;
    /** When the last heat was raised (epoch s): the refractory period runs from there. */
    private long lastRaisedSec = CowState.NONE;

    /**
     * A cow first seen after the herd level is known joined a running herd (a new cow or a regrouped one):
     * her first days are restless with the move, so the herd prior alone does not judge her.
     */
    void joinedEstablishedHerd(boolean established) {
        newcomer = established;
    }

    void onHour(CowState cow, HourContext ctx) {
        HeatParams p = cow.rules.heat();
        BaselineParams b = cow.rules.baseline();
        double minCov = b.minCoveragePct() / 100;
        int w = p.windowHours();
        HourWindow win = HourWindow.of(cow.bins, HourlyBins.ACTIVITY, ctx.hour(), w, b.days());
        if (win.coverage() < minCov) {
            aboveSinceSec = CowState.NONE;
            if (track.isActive() && ctx.endSec() - lastJudgedSec > w * 3600L) {
                track.clear(ctx.end(), ctx.listener());
            }
            return;
        }
        double rate = win.rate();
        double herd = ctx.herd().level(ctx.hourOfDay());
        double prior = herd * cow.level.ratio(b.priorDays() * 24);
        double base = blend(win, prior, b.priorDays());
        if (!track.isActive() && (Double.isNaN(base) || rate < base * (1 + p.clearPct() / 100))) {
            // Only ordinary hours teach the herd level and the cow's level: a heat must not raise its own bar.
            if (!newcomer) {
                ctx.herd().add(ctx.hourOfDay(), rate);
            }
            if (!Double.isNaN(herd)) {
                cow.level.add(rate, herd);
            }
        }
        // The least baseline a judgement needs: the herd prior (enough contributions at this clock hour), or
        // baseline.min_days of her own. Without either (a small herd's first days) the own baseline may rest
        // on an hour or two of one night, a thin bar that any ordinary evening clears. The rule stops raising
        // only: a heat already raised is still judged (and cleared) on what there is.
        boolean withoutPrior = Double.isNaN(prior) || b.priorDays() == 0;
        boolean thin = (newcomer || withoutPrior && !track.isActive()) && win.days() < b.minDays();
        if (Double.isNaN(base) || base <= 0 || thin) {
            aboveSinceSec = CowState.NONE;
            return;
        }
        lastJudgedSec = ctx.endSec();
        newcomer = false; // her warm-up is over for good, whatever gaps follow
        if (track.isActive()) {
            // The covered minutes judge whether the heat is over: filling the gaps would pull a heat towards ordinary.
            if (100 * (win.ratio(base) - 1) < p.clearPct()) {
                track.clear(ctx.end(), ctx.listener());
            }
            return;
        }
        // A rise must show in the minutes that were delivered: missing minutes count as quiet ones.
        double judged = base * win.quietFilledRatio(base);
        double rise = 100 * (judged / base - 1);
        double bar = p.risePctAt(win.days(), b.days());
        if (rise < bar || !p.enabled()) {
            aboveSinceSec = CowState.NONE;
            return;
        }
        if (aboveSinceSec == CowState.NONE) {
            aboveSinceSec = ctx.endSec() - 3600;
        }
        long heldSec = ctx.endSec() - aboveSinceSec;
        // Refractory from the last raise, not the last clearing: when a heat ends is noisy (and a gap moves it).
        boolean refractory = lastRaisedSec != CowState.NONE && ctx.endSec() < lastRaisedSec + p.refractoryHours() * 3600;
        if (heldSec >= p.minDurationMin() * 60 && !refractory) {
            lastRaisedSec = ctx.endSec();
            track.raise(alarm(cow, ctx, p, judged, base, win, prior, rise, bar, heldSec), ctx.listener());
        }
    }

    /** Own mean weighted by its days against the prior weighted by {@code priorDays}. */
    static double blend(HourWindow own, double prior, double priorDays) {
        if (own.days() == 0 || Double.isNaN(own.ownRate())) {
            return priorDays > 0 ? prior : Double.NaN;
        }
        if (Double.isNaN(prior) || priorDays == 0) {
            return own.ownRate();
        }
        return (own.days() * own.ownRate() + priorDays * prior) / (own.days() + priorDays);
    }

    private static Alarm alarm(CowState cow, HourContext ctx, HeatParams p, double rate, double base,
                               HourWindow own, double prior, double rise, double bar, long heldSec) {
        double toWindow = p.windowHours() * 60.0; // per-minute rate -> window sum
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("rise_pct", rise);
        f.put("own_baseline_days", own.days());
        f.put("own_baseline", own.ownRate() * toWindow);
        f.put("herd_prior", prior * toWindow);
        Explanation e = Explanation.of("activity_" + p.windowHours() + "h", rate * toWindow,
                OptionalDouble.of(base * toWindow), base * toWindow * (1 + bar / 100),
                Duration.ofSeconds(heldSec), f);
        Instant at = ctx.end();
        AlarmType type = nearKnownCalving(cow, ctx, at) ? AlarmType.CALVING : AlarmType.HEAT;
        Alarm a = Alarm.of(cow.id, type, at, p.severity(), e);
        return type == AlarmType.HEAT
                ? a.withNextExpectedHeat(at.plusSeconds(Math.round(p.cycleDays() * 86400))) : a;
    }

    /** A rise from the day before a known calving to a few days after is calving restlessness, not heat. */
    private static boolean nearKnownCalving(CowState cow, HourContext ctx, Instant at) {
        CalvingParams c = cow.rules.calving();
        for (Instant calving : ctx.calendar().calvings(cow.id)) {
            long d = at.getEpochSecond() - calving.getEpochSecond();
            if (d >= -c.relabelBeforeHours() * 3600 && d <= c.relabelAfterHours() * 3600) {
                return true;
            }
        }
        return false;
    }

    void write(DataOutput out) throws IOException {
        track.write(out);
        out.writeLong(aboveSinceSec);
        out.writeLong(lastJudgedSec);
        out.writeBoolean(newcomer);
        out.writeLong(lastRaisedSec);
    }

    /**
     * Reads what {@link #write} wrote; snapshots before version 5 lack the last raise, which is then known
     * only from an active heat.
     */
    void read(DataInput in, int version) throws IOException {
        track.read(in);
        aboveSinceSec = in.readLong();
        lastJudgedSec = in.readLong();
        newcomer = in.readBoolean();
        lastRaisedSec = version >= 5 ? in.readLong()
                : track.active().map(a -> a.raisedAt().getEpochSecond()).orElse(CowState.NONE);
    }
}
