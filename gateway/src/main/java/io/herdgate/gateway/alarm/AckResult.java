package io.herdgate.gateway.alarm;

import io.herdgate.gateway.store.AlarmId;
import java.util.Objects;

/** What acknowledging, resolving or snoozing an alarm did. */
public sealed interface AckResult {

    /** Done; the view is the alarm afterwards. */
    record Done(AlarmView alarm) implements AckResult {
        public Done {
            Objects.requireNonNull(alarm, "alarm");
        }
    }

    /** The alarm was already acknowledged (by {@code by}); nothing changed. */
    record AlreadyAcknowledged(AlarmView alarm) implements AckResult {
        public AlreadyAcknowledged {
            Objects.requireNonNull(alarm, "alarm");
        }
    }

    /** No alarm has this id. */
    record NotFound(AlarmId id) implements AckResult {
        public NotFound {
            Objects.requireNonNull(id, "id");
        }
    }
}
