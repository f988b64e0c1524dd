package io.herdgate.sim.herd;

import io.herdgate.sim.event.Episode;

import java.util.List;

/**
 * Episodes placed by hand, each on a named cow at a fixed time, added to those an {@link EventSpec}
 * draws from the seed: a scripted scenario (a demo, a test) whose events are known in advance.
 *
 * @param placed the cows and their episodes, in any order
 */
public record EventScript(List<Placed> placed) {

    public EventScript {
        placed = List.copyOf(placed);
    }

    /** No scripted episodes. */
    public static EventScript none() {
        return new EventScript(List.of());
    }

    public static EventScript of(List<Placed> placed) {
        return new EventScript(placed);
    }

    /** One episode of one cow. */
    public record Placed(CowId cow, Episode episode) {

        public static Placed of(CowId cow, Episode episode) {
            return new Placed(cow, episode);
        }
    }
}
