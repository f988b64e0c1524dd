package io.herdgate.gateway.runtime;

import io.herdgate.gateway.schedule.ClockJumpGuard;
import io.herdgate.gateway.store.FeatureHistory;
import io.herdgate.rules.detect.DetectionEngine;
import io.herdgate.rules.series.Observation;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The detection engine (not thread-safe) behind one lock: observations come from the ingest thread, the
 * minute tick, checkpoints and rule reloads from the schedule thread. Before each observation and tick
 * the clock is checked ({@link ClockJumpGuard}), so a step of the wall clock is known before anything
 * dated after it reaches the engine.
 */
final class Detection {

    private final DetectionEngine engine;
    private final FeatureHistory history;
    private final ClockJumpGuard guard;
    private final AlarmPass alarms;
    private final AtomicLong observations = new AtomicLong();
    private volatile int cows;

    /** {@code alarms}: the listener the engine was built with; each call below is one pass of it. */
    Detection(DetectionEngine engine, FeatureHistory history, ClockJumpGuard guard, AlarmPass alarms) {
        this.engine = engine;
        this.history = history;
        this.guard = guard;
        this.alarms = alarms;
        this.cows = engine.cows().size();
    }

    /** One per-minute observation from the pipeline: to the engine and the feature history. */
    synchronized void observe(Observation o) {
        guard.check();
        alarms.run(() -> {
            engine.accept(o);
            return null;
        });
        history.append(o);
        observations.incrementAndGet();
    }

    /** The engine's watermark follows the clock (offline detection); the history is written when due. */
    synchronized void tick() {
        guard.check();
        alarms.run(() -> {
            engine.tick();
            return null;
        });
        cows = engine.cows().size();
        history.flushIfDue();
    }

    /** Runs {@code work} with the engine held. */
    synchronized <T> T withEngine(Function<DetectionEngine, T> work) {
        return alarms.run(() -> work.apply(engine));
    }

    long observations() {
        return observations.get();
    }

    /** Cows with detector state, as of the last tick. */
    int cows() {
        return cows;
    }
}
