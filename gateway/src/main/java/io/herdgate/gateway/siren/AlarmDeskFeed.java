package io.herdgate.gateway.siren;

import io.herdgate.gateway.alarm.AlarmView;
import io.herdgate.gateway.store.AlarmId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Tells an {@link AlarmChangeListener} what changed between two looks at the alarm desk's active alarms
 * ({@code AlarmDesk.alarms(false)}): an alarm seen unacknowledged for the first time is Raised (at the
 * clock's now), one seen acknowledged is Acknowledged, one no longer listed is Cleared. Call
 * {@link #poll()} every few seconds, before {@link SirenPolicy#check()}; the siren then reacts within that
 * interval. Not thread-safe: one scheduler job polls.
 */
public final class AlarmDeskFeed {

    private final Supplier<List<AlarmView>> active;
    private final AlarmChangeListener listener;
    private final Clock clock;
    /** What the last look saw: alarm → acknowledged. */
    private Map<AlarmId, Boolean> seen = Map.of();

    private AlarmDeskFeed(Supplier<List<AlarmView>> active, AlarmChangeListener listener, Clock clock) {
        this.active = active;
        this.listener = listener;
        this.clock = clock;
    }

    /** @param active the desk's active alarms, e.g. {@code () -> desk.alarms(false)} */
    public static AlarmDeskFeed of(Supplier<List<AlarmView>> active, AlarmChangeListener listener, Clock clock) {
        return new AlarmDeskFeed(Objects.requireNonNull(active, "active"), Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(clock, "clock"));
    }

    public void poll() {
        Instant now = clock.instant();
        Map<AlarmId, Boolean> current = new HashMap<>();
        for (AlarmView v : active.get()) {
            if (!v.state().active()) {
                continue;
            }
            boolean acknowledged = v.state().acknowledged();
            current.put(v.id(), acknowledged);
            Boolean before = seen.get(v.id());
            if (before == null && !acknowledged) {
                listener.onChange(AlarmChange.Raised.of(v.id(), v.severity(), now));
            } else if (acknowledged && Boolean.FALSE.equals(before)) {
                listener.onChange(AlarmChange.Acknowledged.of(v.id(), now));
            }
        }
        seen.keySet().stream().filter(id -> !current.containsKey(id))
                .forEach(id -> listener.onChange(AlarmChange.Cleared.of(id, now)));
        seen = Map.copyOf(current);
    }
}
