package io.herdgate.gateway.alarm;

import io.herdgate.gateway.store.AlarmId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The desk's durable note that it did not send an alarm.
 *
 * @param alarm    the alarm
 * @param reason   why
 * @param detail   for people: the silence's author and reason, the problem, the hold's end ...
 * @param heldAt   when the desk decided (the gateway's clock)
 * @param released when the hold ended and the alarm was sent after all; empty: it was never sent
 */
public record AlarmHold(AlarmId alarm, HoldReason reason, String detail, Instant heldAt, Optional<Instant> released) {

    public AlarmHold {
        Objects.requireNonNull(alarm, "alarm");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(heldAt, "heldAt");
        Objects.requireNonNull(released, "released");
    }

    /** True when the alarm was not sent for this reason (the hold was not released). */
    public boolean unsent() {
        return released.isEmpty();
    }
}
