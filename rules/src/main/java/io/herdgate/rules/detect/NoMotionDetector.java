package io.herdgate.rules.detect;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.params.NoMotionParams;
import io.herdgate.rules.series.Observation;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Cow down: an unbroken run of still observations longer than {@code no_motion.min_duration_min}. Still:
 * the movement counts present (motion index, steps) are all at most {@code no_motion.still_level}; only
 * where neither count is measured does activity decide, against the same level. Activity is not a count:
 * from raw samples it is VeDBA in milli-g, which sensor noise and breathing keep at several mg even for a
 * cow that cannot get up, so it never reads 0 and would hide every cow down. A gap or an observation
 * without any motion measure ends the run (missing data is not stillness); motion clears.
 *
 * <p>A static observation ({@code accelVarG2} at most {@code collar_off.max_var_g2}) ends the run too: it
 * is a collar that is not on a cow (breathing moves a worn collar more, even on a cow that is down), so it
 * says nothing about her and is the collar-off detector's to report. A fallen collar never pages the
 * farmer as a cow down.
 */
final class NoMotionDetector {

    final AlarmTrack track = new AlarmTrack();
    private long runStartSec = CowState.NONE;
    private long runEndSec = CowState.NONE;

    void onObservation(CowState cow, Observation o, long s, long e, AlarmListener listener) {
        NoMotionParams p = cow.rules.noMotion();
        double level = p.stillLevel();
        double m = o.motionIndex();
        double st = o.steps();
        double a = o.activity();
        boolean unworn = o.accelVarG2() <= cow.rules.collarOff().maxVarG2(); // false for NaN
        if (unworn || Double.isNaN(m) && Double.isNaN(st) && Double.isNaN(a)) {
            runStartSec = CowState.NONE;
            return;
        }
        // NaN <= level is false, so test "moving" explicitly: a present value above the still level.
        boolean counted = !Double.isNaN(m) || !Double.isNaN(st);
        boolean moving = counted ? m > level || st > level : a > level;
        if (moving) {
            runStartSec = CowState.NONE;
            if (track.isActive()) {
                track.clear(Instant.ofEpochSecond(s), listener);
            }
            return;
        }
        if (runStartSec == CowState.NONE || s != runEndSec) {
            runStartSec = s;
        }
        runEndSec = e;
        long held = e - runStartSec;
        if (p.enabled() && !track.isActive() && held > p.minDurationMin() * 60
                && !track.inRefractory(e, p.refractoryMin() * 60)) {
            Explanation x = Explanation.of("still_min", held / 60.0, OptionalDouble.empty(), p.minDurationMin(),
                    Duration.ofSeconds(held), Map.of());
            track.raise(Alarm.of(cow.id, AlarmType.NO_MOTION, Instant.ofEpochSecond(e), p.severity(), x), listener);
        }
    }

    void write(DataOutput out) throws IOException {
        track.write(out);
        out.writeLong(runStartSec);
        out.writeLong(runEndSec);
    }

    void read(DataInput in) throws IOException {
        track.read(in);
        runStartSec = in.readLong();
        runEndSec = in.readLong();
    }
}
