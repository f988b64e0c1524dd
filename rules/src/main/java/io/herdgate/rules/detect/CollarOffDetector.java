package io.herdgate.rules.detect;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.params.CollarOffParams;
import io.herdgate.rules.series.Observation;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Collar off: an unbroken run of static observations ({@code accelVarG2} at most
 * {@code collar_off.max_var_g2}) whose pitch stays within {@code collar_off.max_pitch_change_deg} of
 * where the run began, longer than {@code collar_off.min_duration_min}. A worn collar on a cow lying
 * still is not static: breathing and rumination move it. Movement clears.
 */
final class CollarOffDetector {

    final AlarmTrack track = new AlarmTrack();
    private long runStartSec = CowState.NONE;
    private long runEndSec = CowState.NONE;
    private double runPitch = Double.NaN;

    void onObservation(CowState cow, Observation o, long s, long e, AlarmListener listener) {
        CollarOffParams p = cow.rules.collarOff();
        if (Double.isNaN(o.accelVarG2())) {
            runStartSec = CowState.NONE;
            return;
        }
        boolean moved = o.accelVarG2() > p.maxVarG2();
        boolean contiguous = runStartSec != CowState.NONE && s == runEndSec;
        boolean turned = contiguous && !Double.isNaN(o.pitchDeg()) && !Double.isNaN(runPitch)
                && Math.abs(o.pitchDeg() - runPitch) > p.maxPitchChangeDeg();
        if (moved || turned) {
            runStartSec = CowState.NONE;
            if (track.isActive()) {
                track.clear(Instant.ofEpochSecond(s), listener);
            }
            if (moved) {
                return;
            }
        }
        if (runStartSec == CowState.NONE || s != runEndSec) {
            runStartSec = s;
            runPitch = o.pitchDeg();
        }
        runEndSec = e;
        long held = e - runStartSec;
        if (p.enabled() && !track.isActive() && held > p.minDurationMin() * 60
                && !track.inRefractory(e, p.refractoryMin() * 60)) {
            Explanation x = Explanation.of("static_min", held / 60.0, OptionalDouble.empty(), p.minDurationMin(),
                    Duration.ofSeconds(held), Map.of("accel_var_g2", o.accelVarG2(), "pitch_deg", runPitch));
            track.raise(Alarm.of(cow.id, AlarmType.COLLAR_OFF, Instant.ofEpochSecond(e), p.severity(), x), listener);
        }
    }

    void write(DataOutput out) throws IOException {
        track.write(out);
        out.writeLong(runStartSec);
        out.writeLong(runEndSec);
        out.writeDouble(runPitch);
    }

    void read(DataInput in) throws IOException {
        track.read(in);
        runStartSec = in.readLong();
        runEndSec = in.readLong();
        runPitch = in.readDouble();
    }
}
