package io.herdgate.gateway.alarm;

import io.herdgate.gateway.notify.ContactId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Something a person did to an alarm at the desk, as {@link DeskListener}s are told. */
public sealed interface DeskChange {

    /** The alarm as it is after the change. */
    AlarmView alarm();

    /** When it happened (the desk's clock). */
    Instant at();

    /** Someone took the alarm on (reply, CLI, API); each alarm of a group is told apart. */
    record Acknowledged(AlarmView alarm, Acknowledgement ack) implements DeskChange {
        public Acknowledged {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(ack, "ack");
        }

        @Override
        public Instant at() {
            return ack.at();
        }
    }

    /** Someone declared the alarm over: it is cleared now (and acknowledged, told before this). */
    record Resolved(AlarmView alarm, Acknowledgement ack) implements DeskChange {
        public Resolved {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(ack, "ack");
        }

        @Override
        public Instant at() {
            return ack.at();
        }
    }

    /** Someone asked to be reminded later: the message chain waits until {@code until}. */
    record Snoozed(AlarmView alarm, Optional<ContactId> by, Instant until, Instant at) implements DeskChange {
        public Snoozed {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(at, "at");
        }
    }
}
