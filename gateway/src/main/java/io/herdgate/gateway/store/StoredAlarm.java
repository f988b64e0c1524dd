package io.herdgate.gateway.store;

import io.herdgate.rules.alarm.Alarm;
import java.util.Objects;

/** An alarm as stored, with its id (for the messaging outbox and acknowledgements). */
public record StoredAlarm(AlarmId id, Alarm alarm) {

    public StoredAlarm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alarm, "alarm");
    }

    public static StoredAlarm of(AlarmId id, Alarm alarm) {
        return new StoredAlarm(id, alarm);
    }
}
