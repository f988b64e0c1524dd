package io.herdgate.rules.detect;

import io.herdgate.rules.alarm.AlarmEvent;

/** Receives the engine's alarm events synchronously, in the order they happen. */
@FunctionalInterface
public interface AlarmListener {

    void onEvent(AlarmEvent event);
}
