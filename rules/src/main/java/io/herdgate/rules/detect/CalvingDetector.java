package io.herdgate.rules.detect;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.params.BaselineParams;
import io.herdgate.rules.params.CalvingParams;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Calving: in the last day before calving rumination drops and the cow lies down and gets up again
 * often, so each lying bout is short. Over the last {@code calving.window_h} hours two measures, and
 * over the last {@code calving.restless_window_h} hours a third, are compared with the cow's usual day
 * (the mean of whole 24-h days ending 24, 48 ... hours before the window's end, up to
 * {@code baseline.days}; the most recent day is skipped because the pre-calving change starts within it):
 * <ul>
 *   <li>rumination evidence = drop of the rumination rate under the usual rate, in units of
 *       {@code calving.rumination_drop_pct};</li>
 *   <li>bout evidence = shortening of the lying minutes per lying bout under the usual, in units of
 *       {@code calving.bout_shortening_pct}; judged only when the window holds at least half a bout.</li>
 *   <li>restlessness evidence = rise of the lying bouts per hour (each one a standing up and lying down
 *       again) over the usual rate, in units of {@code calving.restless_rise_pct}; judged over the longer
 *       restless window because the restlessness builds up over the last 12-24 h and a single 4-h window
 *       of bouts varies as much on ordinary days. Judged only where rumination is not (a collar without
 *       it, such as the gateway's raw collars, or before its usual day): it stands in for rumination,
 *       so such a collar's score no longer rests on the bout length alone.</li>
 * </ul>
 * With at least {@code baseline.min_days} usual days, the unit of each evidence is widened to the cow's
 * own spread of that measure (standard deviation over the windows tiling her usual days) where that is
 * larger: a cow whose bouts vary a lot from window to window needs a larger change to count.
 * Each evidence is clipped to {@code [-1, 3]} so that no single measure decides alone and a measure
 * going the other way vetoes only mildly. The score is their sum divided by the square root of their
 * number (Stouffer's combination), so a collar that delivers only one of the measures (neck: rumination;
 * leg: lying) is judged on that one at the same threshold. Calving is signalled when the score reaches
 * {@code calving.score} for {@code calving.min_duration_min}.
 */
final class CalvingDetector {

    /** The usual day is judged over whole days, which evens out the daily rhythm. */
    static final int REFERENCE_HOURS = 24;
    /** Minutes in the usual day of {@link #REFERENCE_HOURS}: rates per minute times this are per day. */
    private static final double MINUTES_PER_DAY = REFERENCE_HOURS * 60.0;
    /** Evidence bounds: one extreme measure cannot decide alone, one going the other way vetoes mildly. */
    static final double MIN_EVIDENCE = -1;
    static final double MAX_EVIDENCE = 3;
    /** Usual rumination under 6 min/h is treated as 6 min/h: a cow that barely ruminates has nothing to drop. */
    private static final double RUMINATION_FLOOR_PER_MIN = 0.1;
    /**
     * Bouts under 10 min, usual or in the window, are treated as 10 min, so minute-long fidgets cannot make
     * a huge shortening (nor a classifier that splits lying into minute-long pieces make every window look
     * shortened).
     */
    private static final double BOUT_FLOOR_MIN = 10;
    /** A day with fewer bouts counts as one bout: a cow lying once in a day has one long bout. */
    private static final double MIN_BOUTS_PER_DAY = 1;
    /**
     * A usual rate under 4 bouts a day is treated as 4 a day, so a cow that lay down twice yesterday does
     * not make four bouts today a large rise (real cows lie down 8..14 times a day).
     */
    private static final double RESTLESS_FLOOR_BOUTS_PER_DAY = 4;
    /** Judged windows needed before the cow's own spread may widen the evidence unit. */
    private static final int MIN_SPREAD_WINDOWS = 12;

    final AlarmTrack track = new AlarmTrack();
    private long aboveSinceSec = CowState.NONE;
    private long lastSeenSec = CowState.NONE;

    void onHour(CowState cow, HourContext ctx) {
        CalvingParams p = cow.rules.calving();
        if (track.isActive() && ctx.endSec() - lastSeenSec >= p.clearHours() * 3600) {
            track.clear(ctx.end(), ctx.listener());
        }
        Evidence e = evidence(cow.bins, ctx.hour(), p, cow.rules.baseline());
        if (e.measures() == 0 || e.score() < p.score() || !p.enabled()) {
            aboveSinceSec = CowState.NONE;
            return;
        }
        lastSeenSec = ctx.endSec();
        if (track.isActive()) {
            return;
        }
        if (aboveSinceSec == CowState.NONE) {
            aboveSinceSec = ctx.endSec() - 3600;
        }
        long held = ctx.endSec() - aboveSinceSec;
        if (held >= p.minDurationMin() * 60 && !track.inRefractory(ctx.endSec(), p.refractoryDays() * 86400)) {
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("rumination_evidence", e.rumination());
            f.put("bout_evidence", e.bout());
            f.put("rumination_min_" + p.windowHours() + "h", e.ruminationMin());
            f.put("rumination_min_" + p.windowHours() + "h_usual", e.ruminationUsualMin());
            f.put("lying_min_per_bout", e.boutMin());
            f.put("lying_min_per_bout_usual", e.boutUsualMin());
            f.put("restless_evidence", e.restless());
            f.put("lying_bouts_per_day_" + p.restlessWindowHours() + "h", e.boutsPerDay());
            f.put("lying_bouts_per_day_usual", e.boutsPerDayUsual());
            Explanation x = Explanation.of("calving_score_" + p.windowHours() + "h", e.score(), OptionalDouble.empty(),
                    p.score(), Duration.ofSeconds(held), f);
            track.raise(Alarm.of(cow.id, AlarmType.CALVING, ctx.end(), p.severity(), x), ctx.listener());
        }
    }

    /**
     * The evidence of the window of {@code windowHours} ending with {@code hour}; a measure that cannot be
     * judged (no data, warm-up, no bout) has NaN evidence and is left out of the score.
     *
     * @param rumination   rumination evidence, {@code [-1, 3]} or NaN
     * @param bout         bout-length evidence, {@code [-1, 3]} or NaN
     * @param restless     restlessness evidence (more lying bouts per hour), {@code [-1, 3]} or NaN
     * @param score        sum of the present evidences / √{@code measures}; NaN when none is present
     * @param measures     how many evidences are present, 0..2 (restlessness only without rumination)
     * @param ruminationMin rumination minutes in the window (scaled to the whole window); NaN when not judged
     * @param ruminationUsualMin the usual rumination minutes for a window of that length
     * @param boutMin      lying minutes per bout in the window
     * @param boutUsualMin the usual lying minutes per bout
     * @param boutsPerDay  lying bouts in the restless window, as bouts per 24 h
     * @param boutsPerDayUsual the usual lying bouts per 24 h
     */
    record Evidence(double rumination, double bout, double restless, double score, int measures,
                    double ruminationMin, double ruminationUsualMin, double boutMin, double boutUsualMin,
                    double boutsPerDay, double boutsPerDayUsual) {
    }

    static Evidence evidence(HourlyBins bins, long hour, CalvingParams p, BaselineParams b) {
        double minCov = b.minCoveragePct() / 100;
        int w = p.windowHours();
        double windowMin = w * 60.0;

        double rum = bins.rate(HourlyBins.RUMINATION, hour, w, minCov);
        Baseline.Value rumUsual = Baseline.of(bins, HourlyBins.RUMINATION, hour, REFERENCE_HOURS, b.days(), minCov);
        double rumEvidence = Double.NaN;
        if (!Double.isNaN(rum) && rumUsual.days() > 0) {
            double usual = Math.max(rumUsual.mean(), RUMINATION_FLOOR_PER_MIN);
            double unit = Math.max(usual * p.ruminationDropPct() / 100,
                    spread(bins, hour, w, b, minCov, rateOf(HourlyBins.RUMINATION)));
            rumEvidence = clip((usual - rum) / unit);
        }

        double boutMin = boutMinutes(bins, hour, w, minCov);
        double boutUsual = usualBoutMinutes(bins, hour, b.days(), minCov);
        double boutEvidence = Double.NaN;
        if (!Double.isNaN(boutMin) && !Double.isNaN(boutUsual)) {
            double usual = Math.max(boutUsual, BOUT_FLOOR_MIN);
            double unit = Math.max(usual * p.boutShorteningPct() / 100,
                    spread(bins, hour, w, b, minCov, CalvingDetector::boutMinutes));
            // the floor holds for the window too: under it, bouts are fidgets that cannot be told apart
            boutEvidence = clip((usual - Math.max(boutMin, BOUT_FLOOR_MIN)) / unit);
        }

        int rw = p.restlessWindowHours();
        double bouts = bins.rate(HourlyBins.BOUTS, hour, rw, minCov);
        Baseline.Value boutsUsual = Baseline.of(bins, HourlyBins.BOUTS, hour, REFERENCE_HOURS, b.days(), minCov);
        double restlessEvidence = Double.NaN;
        // Stands in for rumination where that is not judged: beside rumination it only repeats the bout
        // length's story (both come from the same bouts) and cost two or three DEV calvings.
        if (Double.isNaN(rumEvidence) && !Double.isNaN(bouts) && boutsUsual.days() > 0) {
            double usual = Math.max(boutsUsual.mean(), RESTLESS_FLOOR_BOUTS_PER_DAY / MINUTES_PER_DAY);
            double unit = Math.max(usual * p.restlessRisePct() / 100,
                    spread(bins, hour, rw, b, minCov, rateOf(HourlyBins.BOUTS)));
            restlessEvidence = clip((bouts - usual) / unit);
        }

        double[] present = {rumEvidence, boutEvidence, restlessEvidence};
        int n = 0;
        double sum = 0;
        for (double v : present) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return new Evidence(rumEvidence, boutEvidence, restlessEvidence, n == 0 ? Double.NaN : sum / Math.sqrt(n), n,
                Double.isNaN(rumEvidence) ? Double.NaN : rum * windowMin,
                rumUsual.days() > 0 ? rumUsual.mean() * windowMin : Double.NaN, boutMin, boutUsual,
                bouts * MINUTES_PER_DAY, boutsUsual.days() > 0 ? boutsUsual.mean() * MINUTES_PER_DAY : Double.NaN);
    }

    /** A measure of the window of {@code hours} ending with {@code hour}; NaN when not judged. */
    @FunctionalInterface
    private interface WindowMeasure {
        double of(HourlyBins bins, long hour, int hours, double minCov);
    }

    /** The per-minute rate of one of the ring's measures ({@link HourlyBins#RUMINATION}, ...). */
    private static WindowMeasure rateOf(int measure) {
        return (bins, hour, hours, minCov) -> bins.rate(measure, hour, hours, minCov);
    }

    /** Lying minutes per bout; NaN without half a bout (standing for hours says nothing about bouts). */
    private static double boutMinutes(HourlyBins bins, long hour, int hours, double minCov) {
        double lying = bins.rate(HourlyBins.LYING, hour, hours, minCov);
        double bouts = bins.rate(HourlyBins.BOUTS, hour, hours, minCov);
        return Double.isNaN(lying) || Double.isNaN(bouts) || bouts * hours * 60 < 0.5 ? Double.NaN : lying / bouts;
    }

    /**
     * The cow's own spread of a measure: the standard deviation of its values in the windows that tile
     * the usual days (ends {@code 24k + j·hours} hours back, k = 1..days). 0 (no widening) with fewer
     * than {@code baseline.min_days} usual days or {@link #MIN_SPREAD_WINDOWS} judged windows: one or two
     * days give too few windows for a spread.
     */
    private static double spread(HourlyBins bins, long hour, int hours, BaselineParams b, double minCov,
                                 WindowMeasure m) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        int days = 0;
        for (int k = 1; k <= b.days(); k++) {
            int before = n;
            for (int back = 0; back < REFERENCE_HOURS; back += hours) {
                double v = m.of(bins, hour - (long) REFERENCE_HOURS * k - back, hours, minCov);
                if (!Double.isNaN(v)) {
                    sum += v;
                    sumSq += v * v;
                    n++;
                }
            }
            days += n > before ? 1 : 0;
        }
        if (days < b.minDays() || n < MIN_SPREAD_WINDOWS) {
            return 0;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    }

    /** Mean over the usual days of the day's lying minutes per bout; NaN before the first usual day. */
    private static double usualBoutMinutes(HourlyBins bins, long hour, int days, double minCov) {
        double sum = 0;
        int n = 0;
        for (int k = 1; k <= days; k++) {
            long last = hour - (long) REFERENCE_HOURS * k;
            double lying = bins.rate(HourlyBins.LYING, last, REFERENCE_HOURS, minCov);
            double bouts = bins.rate(HourlyBins.BOUTS, last, REFERENCE_HOURS, minCov);
            if (!Double.isNaN(lying) && !Double.isNaN(bouts)) {
                sum += lying * MINUTES_PER_DAY / Math.max(bouts * MINUTES_PER_DAY, MIN_BOUTS_PER_DAY);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double clip(double v) {
        return Math.max(MIN_EVIDENCE, Math.min(MAX_EVIDENCE, v));
    }

    void write(DataOutput out) throws IOException {
        track.write(out);
        out.writeLong(aboveSinceSec);
        out.writeLong(lastSeenSec);
    }

    void read(DataInput in) throws IOException {
        track.read(in);
        aboveSinceSec = in.readLong();
        lastSeenSec = in.readLong();
    }
}
