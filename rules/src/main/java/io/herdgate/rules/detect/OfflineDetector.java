package io.herdgate.rules.detect;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.params.OfflineParams;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Offline: no observation with data for longer than {@code offline.after_min}. Raised at the moment
 * the silence crossed the threshold (last data + threshold), whether the engine learns it from a
 * watermark, an empty observation or the data resuming; cleared by the first observation with data.
 * One alarm per gap.
 */
final class OfflineDetector {

    final AlarmTrack track = new AlarmTrack();

    /** Event time has reached {@code nowSec} without data since {@code cow.lastDataEndSec}. */
    void onSilence(CowState cow, long nowSec, AlarmListener listener) {
        OfflineParams p = cow.rules.offline();
        long after = Math.round(p.afterMin() * 60);
        if (!p.enabled() || track.isActive() || cow.lastDataEndSec == CowState.NONE
                || nowSec - cow.lastDataEndSec <= after) {
            return;
        }
        Explanation x = Explanation.of("silent_min", p.afterMin(), OptionalDouble.empty(), p.afterMin(),
                Duration.ofSeconds(after), Map.of());
        Instant at = Instant.ofEpochSecond(cow.lastDataEndSec + after);
        track.raise(Alarm.of(cow.id, AlarmType.OFFLINE, at, p.severity(), x), listener);
    }

    /** Data arrived for an interval starting at {@code startSec}. */
    void onData(CowState cow, long startSec, AlarmListener listener) {
        onSilence(cow, startSec, listener);
        if (track.isActive()) {
            track.clear(Instant.ofEpochSecond(startSec), listener);
        }
    }

    void write(DataOutput out) throws IOException {
        track.write(out);
    }

    void read(DataInput in) throws IOException {
        track.read(in);
    }
}
