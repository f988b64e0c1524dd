package io.herdgate.gateway.runtime;

import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.detect.AlarmListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Gathers the alarm events the detection engine tells during one pass (an observation, a tick) and hands
 * them on together once the pass is over, so that the desk commits them in one transaction (one fsync for a
 * tick that raises many). An event told outside a pass is handed on at once. Each event keeps the instant
 * it was told (the raise of the alarm-latency figures). Used under the detection's lock; not thread-safe.
 */
final class AlarmPass implements AlarmListener {

    /** An event and the gateway's clock when the detector told it. */
    record Told(AlarmEvent event, Instant at) {
    }

    private final Clock clock;
    private final Consumer<List<Told>> handler;
    private final List<Told> told = new ArrayList<>();
    private int depth;

    AlarmPass(Clock clock, Consumer<List<Told>> handler) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public void onEvent(AlarmEvent event) {
        Told t = new Told(event, clock.instant());
        if (depth == 0) {
            handler.accept(List.of(t));
        } else {
            told.add(t);
        }
    }

    /**
     * Runs one pass of the engine; what it told is handed on when it returns (or throws: then a failure of the
     * hand-on is suppressed in the pass's own exception, which is the one thrown).
     */
    <T> T run(Supplier<T> pass) {
        depth++;
        T result;
        try {
            result = pass.get();
        } catch (RuntimeException | Error e) {
            try {
                leave();
            } catch (RuntimeException handOn) {
                e.addSuppressed(handOn);
            }
            throw e;
        }
        leave();
        return result;
    }

    private void leave() {
        if (--depth == 0 && !told.isEmpty()) {
            List<Told> out = List.copyOf(told);
            told.clear();
            handler.accept(out);
        }
    }
}
