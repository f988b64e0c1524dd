package io.herdgate.gateway.alarm;

import io.herdgate.gateway.routing.RouteName;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An alarm as the CLI and API show it.
 *
 * @param id        the alarm's id (what {@code herdgate ack ID} takes)
 * @param cow       the cow
 * @param type      what was detected
 * @param severity  the severity it is routed with
 * @param raisedAt  event time it was raised
 * @param state     active/cleared, acknowledged or not
 * @param route     the route its messages follow, once it has a message chain
 * @param messages  messages queued for it so far (all contacts and steps)
 * @param nextStep  when its next repeat or escalation is due, if one is
 * @param note      why it is not being sent, if it is not (silenced, inhibited, flapping, grouping)
 */
public record AlarmView(AlarmId id, CowId cow, AlarmType type, Severity severity, Instant raisedAt, AlarmState state,
                        Optional<RouteName> route, int messages, Optional<Instant> nextStep, Optional<String> note) {

    public AlarmView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cow, "cow");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(nextStep, "nextStep");
        Objects.requireNonNull(note, "note");
    }
}
