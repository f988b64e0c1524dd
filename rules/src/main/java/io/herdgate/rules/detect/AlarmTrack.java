package io.herdgate.rules.detect;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** One cow's alarm of one type: active or not, and when it last cleared (for the refractory period). */
final class AlarmTrack {

    private static final long NEVER = Long.MIN_VALUE;

    private Alarm active;
    private long lastClearedSec = NEVER;

    boolean isActive() {
        return active != null;
    }

    Optional<Alarm> active() {
        return Optional.ofNullable(active);
    }

    /** True while {@code atSec} is within {@code refractorySec} after the last clearing. */
    boolean inRefractory(long atSec, double refractorySec) {
        return lastClearedSec != NEVER && atSec < lastClearedSec + refractorySec;
    }

    void raise(Alarm alarm, AlarmListener listener) {
        active = alarm;
        listener.onEvent(AlarmEvent.Raised.of(alarm));
    }

    void clear(Instant at, AlarmListener listener) {
        Alarm cleared = active.clearedAt(at.isBefore(active.raisedAt()) ? active.raisedAt() : at);
        active = null;
        lastClearedSec = cleared.clearedAt().orElseThrow().getEpochSecond();
        listener.onEvent(AlarmEvent.Cleared.of(cleared));
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(lastClearedSec);
        out.writeBoolean(active != null);
        if (active != null) {
            AlarmCodec.write(active, out);
        }
    }

    void read(DataInput in) throws IOException {
        lastClearedSec = in.readLong();
        active = in.readBoolean() ? AlarmCodec.read(in) : null;
    }
}
