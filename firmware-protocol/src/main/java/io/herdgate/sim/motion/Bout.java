package io.herdgate.sim.motion;

import java.time.Instant;

/**
 * One stretch of a single behaviour.
 *
 * @param behaviour what the cow does
 * @param start     first instant (inclusive)
 * @param end       first instant after the bout (exclusive)
 * @param intensity movement scale for the bout (1 = her ordinary level; events raise or lower it)
 * @param detached  the collar is off the cow for the whole bout (it then reads gravity and noise only)
 */
public record Bout(Behaviour behaviour, Instant start, Instant end, double intensity, boolean detached) {

    public static Bout of(Behaviour behaviour, Instant start, Instant end, double intensity, boolean detached) {
        return new Bout(behaviour, start, end, intensity, detached);
    }
}
