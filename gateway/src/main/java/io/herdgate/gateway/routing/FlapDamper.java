package io.herdgate.gateway.routing;

import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts raises per cow and type to tell a flapping alarm (see {@link FlapDamping}). Memory only: after a
 * restart every alarm starts unflapping. Not thread-safe.
 */
public final class FlapDamper {

    private record Key(CowId cow, AlarmType type) {
    }

    private final FlapDamping settings;
    private final Map<Key, Deque<Instant>> raises = new HashMap<>();

    private FlapDamper(FlapDamping settings) {
        this.settings = settings;
    }

    public static FlapDamper of(FlapDamping settings) {
        return new FlapDamper(Objects.requireNonNull(settings, "settings"));
    }

    /** Records a raise at {@code at} (event time) and tells whether the alarm is flapping with it. */
    public boolean raised(CowId cow, AlarmType type, Instant at) {
        Deque<Instant> times = raises.computeIfAbsent(new Key(cow, type), k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(at.minus(settings.window()))) {
            times.removeFirst();
        }
        times.addLast(at);
        return times.size() > settings.maxRaises();
    }
}
