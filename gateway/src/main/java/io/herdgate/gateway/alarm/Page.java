package io.herdgate.gateway.alarm;

import io.herdgate.gateway.routing.RouteName;
import io.herdgate.gateway.store.AlarmId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message chain: the alarms it tells about (the lead first), the route it follows, the next route
 * step, the messages sent so far and when the next step is due (empty once the chain has ended).
 */
record Page(AlarmId lead, List<AlarmId> members, RouteName route, int step, int sent, Optional<Instant> next,
            Instant opened) {

    Page {
        Objects.requireNonNull(lead, "lead");
        members = List.copyOf(members);
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(opened, "opened");
    }

    Page withNext(int step, int sent, Optional<Instant> next) {
        return new Page(lead, members, route, step, sent, next, opened);
    }

    Page ended() {
        return withNext(step, sent, Optional.empty());
    }
}
