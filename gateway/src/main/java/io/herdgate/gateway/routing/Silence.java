package io.herdgate.gateway.routing;

import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * "Send nothing about these alarms for a while", e.g. a vet silencing heat alarms for cow 17 for 48 h
 * after insemination. Alarms raised in {@code [start, end)} that match are recorded but not sent.
 *
 * @param id     row id
 * @param cow    the cow, or every cow
 * @param type   the alarm type, or every type
 * @param start  from (inclusive)
 * @param end    until (exclusive); when the silence is lifted early, the lifting time
 * @param author who set it (a contact id or a name)
 * @param reason why, in words
 */
public record Silence(SilenceId id, Optional<CowId> cow, Optional<AlarmType> type, Instant start, Instant end,
                      String author, String reason) {

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cow, "cow");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean matches(CowId c, AlarmType t, Instant at) {
        return cow.map(c::equals).orElse(true) && type.map(t::equals).orElse(true)
                && !at.isBefore(start) && at.isBefore(end);
    }
}
