package io.herdgate.sim.collar;

import io.herdgate.protocol.message.CollarEvent;

import java.time.Instant;

/**
 * An event the collar's firmware detected, waiting to be sent (its age is computed at send time).
 *
 * @param kind       what was detected
 * @param at         simulated time the condition began
 * @param peakMilliG peak |a| in mg (lowest |a| for free fall), 0..65535
 * @param durationMs how long it lasted, 0..65535 ms
 */
record Detection(CollarEvent.Kind kind, Instant at, int peakMilliG, int durationMs) {

    /** The event with age 0; the outbox sets the age when it is sent. */
    CollarEvent toEvent() {
        return CollarEvent.of(kind, 0, Math.min(peakMilliG, 0xFFFF), Math.min(durationMs, 0xFFFF));
    }
}
