package io.herdgate.gateway.demo;

import io.herdgate.sim.event.Calving;
import io.herdgate.sim.event.CollarOff;
import io.herdgate.sim.event.CowDown;
import io.herdgate.sim.event.Episode;
import io.herdgate.sim.event.Heat;
import io.herdgate.sim.event.Illness;
import io.herdgate.sim.event.RadioLoss;
import io.herdgate.sim.herd.CowId;
import io.herdgate.sim.herd.EventScript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's scripted story: one event of each kind, each on its own cow, in the last
 * {@link #LENGTH} of the run, after the warm-up in which the cows' baselines are learnt (illness and
 * a cow's own heat baseline need 3 days of history, rules/DETECTORS.md). Each event sits well inside
 * what its detector is meant to catch: heat 3× activity for 12 h, illness −50 % (reached over a day,
 * lasting days), calving with its 24 h of restlessness, a cow down for 9 h (the threshold is 6 h), a
 * collar on the ground for 8 h, and 3 h of radio loss.
 */
final class DemoStory {

    /** The story takes the last two days of the run. */
    static final Duration LENGTH = Duration.ofDays(2);

    private DemoStory() {
    }

    /** The end of the warm-up: two days before the end, but at least a third of the run. */
    static Instant warmupEnd(Instant start, Duration span) {
        Duration rest = span.minus(LENGTH);
        Duration third = span.dividedBy(3);
        return start.plus(rest.compareTo(third) > 0 ? rest : third);
    }

    /** The story for a herd of {@code cows}: the six events on six cows spread over the herd (fewer for a smaller herd). */
    static EventScript of(int cows, Instant start, Duration span) {
        Instant w = warmupEnd(start, span);
        List<Episode> episodes = List.of(
                Heat.of(w.plus(hours(2)), hours(12), 3.0),
                Illness.of(w.minus(hours(12)), Duration.ofDays(5), 0.5),
                Calving.of(w.plus(hours(40))),
                CowDown.of(w.plus(hours(10)), hours(9)),
                CollarOff.of(w.plus(hours(4)), hours(8)),
                RadioLoss.of(w.plus(hours(14)), hours(3)));
        List<EventScript.Placed> placed = new ArrayList<>();
        for (int i = 0; i < episodes.size() && i < cows; i++) {
            int cow = cows >= episodes.size() ? 1 + i * cows / episodes.size() : i + 1;
            placed.add(EventScript.Placed.of(CowId.of(cow), episodes.get(i)));
        }
        return EventScript.of(placed);
    }

    private static Duration hours(long h) {
        return Duration.ofHours(h);
    }
}
