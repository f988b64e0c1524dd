package io.herdgate.gateway.notify;

import io.herdgate.gateway.store.AlarmId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a recipient answered, on any channel (WhatsApp button or text, SMS reply code, CLI, HTTP).
 * {@code from} is the phone it came from; {@code at} when the provider says it was sent.
 */
public sealed interface Reply {

    PhoneNumber from();

    Instant at();

    /** "Acknowledge": the recipient takes the alarm; escalation stops everywhere. */
    record Acknowledge(PhoneNumber from, Instant at, AlarmId alarm) implements Reply {
        public Acknowledge {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(alarm, "alarm");
        }
    }

    /** "Snooze": remind again after {@code duration}; escalation waits as well. */
    record Snooze(PhoneNumber from, Instant at, AlarmId alarm, Duration duration) implements Reply {
        public Snooze {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** "Call vet": acknowledges and escalates to the vet at once. */
    record CallVet(PhoneNumber from, Instant at, AlarmId alarm) implements Reply {
        public CallVet {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(alarm, "alarm");
        }
    }

    /** STOP: send this number nothing more until it opts in again. */
    record OptOut(PhoneNumber from, Instant at) implements Reply {
        public OptOut {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(at, "at");
        }
    }

    /** START: this number may be messaged again. */
    record OptIn(PhoneNumber from, Instant at) implements Reply {
        public OptIn {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(at, "at");
        }
    }
}
