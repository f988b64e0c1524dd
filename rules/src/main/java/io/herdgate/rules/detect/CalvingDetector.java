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
 * Calving: restlessness in the last {@code calving.window_h} hours, i.e. lying bouts (getting up and
 * lying down again) against the cow's mean rate over whole previous days (24-h windows ending at the
 * same clock hour). One earlier day suffices: the calving pattern is large, and the data before a
 * calving are often short.
 */
final class CalvingDetector {

    /** The reference is the cow's rate over whole earlier days, which evens out her daily rhythm. */
    static final int REFERENCE_HOURS = 24;

    final AlarmTrack track = new AlarmTrack();
    private long aboveSinceSec = CowState.NONE;
    private long lastSeenSec = CowState.NONE;

    void onHour(CowState cow, HourContext ctx) {
        CalvingParams p = cow.rules.calving();
        BaselineParams b = cow.rules.baseline();
        double minCov = b.minCoveragePct() / 100;
        int w = p.windowHours();
        double rate = cow.bins.rate(HourlyBins.BOUTS, ctx.hour(), w, minCov);
        Baseline.Value base = Baseline.of(cow.bins, HourlyBins.BOUTS, ctx.hour(), REFERENCE_HOURS, b.days(), minCov);
        if (track.isActive() && ctx.endSec() - lastSeenSec >= p.clearHours() * 3600) {
            track.clear(ctx.end(), ctx.listener());
        }
        if (Double.isNaN(rate) || base.days() == 0) {
            aboveSinceSec = CowState.NONE;
            return;
        }
        double perWindow = w * 60.0;
        // A floor of one bout per window keeps a cow that seldom lies down from tripping on two bouts.
        double ref = Math.max(base.mean(), 1 / perWindow);
        double rise = 100 * (rate / ref - 1);
        if (rise < p.restlessRisePct() || !p.enabled()) {
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
            f.put("rise_pct", rise);
            f.put("baseline_days", (double) base.days());
            Explanation e = Explanation.of("lying_bouts_" + w + "h", rate * perWindow,
                    OptionalDouble.of(ref * perWindow), ref * perWindow * (1 + p.restlessRisePct() / 100),
                    Duration.ofSeconds(held), f);
            track.raise(Alarm.of(cow.id, AlarmType.CALVING, ctx.end(), p.severity(), e), ctx.listener());
        }
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
