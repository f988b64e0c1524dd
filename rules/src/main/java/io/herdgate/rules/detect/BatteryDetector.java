package io.herdgate.rules.detect;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.params.BatteryParams;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Low battery: {@code battery.min_readings} consecutive readings at or under {@code battery.low_mv};
 * cleared by a reading {@code battery.clear_mv} above it (a charged or new battery).
 */
final class BatteryDetector {

    final AlarmTrack track = new AlarmTrack();
    private int lowReadings;
    private long firstLowSec = CowState.NONE;

    void onReading(CowState cow, double mv, long atSec, AlarmListener listener) {
        BatteryParams p = cow.rules.battery();
        Instant at = Instant.ofEpochSecond(atSec);
        if (mv > p.lowMv()) {
            lowReadings = 0;
            if (track.isActive() && mv >= p.lowMv() + p.clearMv()) {
                track.clear(at, listener);
            }
            return;
        }
        if (lowReadings++ == 0) {
            firstLowSec = atSec;
        }
        if (p.enabled() && !track.isActive() && lowReadings >= p.minReadings()) {
            Explanation x = Explanation.of("battery_mv", mv, OptionalDouble.empty(), p.lowMv(),
                    Duration.ofSeconds(atSec - firstLowSec), Map.of("low_readings", (double) lowReadings));
            track.raise(Alarm.of(cow.id, AlarmType.BATTERY, at, p.severity(), x), listener);
        }
    }

    void write(DataOutput out) throws IOException {
        track.write(out);
        out.writeInt(lowReadings);
        out.writeLong(firstLowSec);
    }

    void read(DataInput in) throws IOException {
        track.read(in);
        lowReadings = in.readInt();
        firstLowSec = in.readLong();
    }
}
