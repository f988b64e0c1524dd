package io.herdgate.sim.herd;

import io.herdgate.sim.event.Calving;
import io.herdgate.sim.event.CollarOff;
import io.herdgate.sim.event.CowDown;
import io.herdgate.sim.event.Episode;
import io.herdgate.sim.event.Heat;
import io.herdgate.sim.event.Illness;
import io.herdgate.sim.event.RadioLoss;
import io.herdgate.sim.motion.Rng;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The concrete episodes of a run: an {@link EventSpec} resolved against a herd, a seed and a time span.
 * Drawn cows, start times and sizes come from the seed: heat 8..15 h at 2..4 times activity, illness
 * 3..7 days at 30..50 % loss, calving (restless 24 h before), down 7..12 h, collar off 6..48 h, radio
 * loss 1..12 h. Events start after a warm-up (a third of the run, at most 3 days) so a detector has a
 * baseline, and end before the run does where the span allows it; an event too long for what is left
 * starts at the end of the warm-up and outlasts the run (never inside the warm-up, where no detector
 * could judge it).
 */
public final class EventSchedule {

    private final Map<CowId, List<Episode>> episodes;
    private final Set<CowId> agedBatteries;

    private EventSchedule(Map<CowId, List<Episode>> episodes, Set<CowId> agedBatteries) {
        this.episodes = episodes;
        this.agedBatteries = agedBatteries;
    }

    /** The episodes of a herd: those its event spec draws from the seed plus its scripted ones. */
    public static EventSchedule of(HerdConfig c) {
        EventSchedule drawn = of(c.events(), c.size(), c.seed(), c.start(), c.span());
        if (c.script().placed().isEmpty()) {
            return drawn;
        }
        Map<CowId, List<Episode>> byCow = new HashMap<>();
        drawn.episodes.forEach((cow, list) -> byCow.put(cow, new ArrayList<>(list)));
        for (EventScript.Placed p : c.script().placed()) {
            byCow.computeIfAbsent(p.cow(), k -> new ArrayList<>()).add(p.episode());
        }
        return new EventSchedule(sortedByStart(byCow), drawn.agedBatteries);
    }

    /**
     * @param herdSize cows are numbered 1..herdSize
     * @param start    first instant of the run
     * @param span     length of the run
     */
    public static EventSchedule of(EventSpec spec, int herdSize, long seed, Instant start, Duration span) {
        Rng rng = Rng.of(Rng.derive(seed, 77));
        Duration warmup = span.dividedBy(3).compareTo(Duration.ofDays(3)) < 0 ? span.dividedBy(3) : Duration.ofDays(3);
        Map<CowId, List<Episode>> byCow = new HashMap<>();
        Set<CowId> aged = new TreeSet<>();
        for (EventSpec.Entry e : spec.entries()) {
            for (CowId cow : cows(e, herdSize, rng)) {
                if (e.kind() == EventKind.BATTERY) {
                    aged.add(cow);
                    continue;
                }
                byCow.computeIfAbsent(cow, c -> new ArrayList<>()).add(episode(e.kind(), rng, start, span, warmup));
            }
        }
        return new EventSchedule(sortedByStart(byCow), Set.copyOf(aged));
    }

    /** An immutable copy with each cow's episodes sorted by start. */
    private static Map<CowId, List<Episode>> sortedByStart(Map<CowId, List<Episode>> byCow) {
        Map<CowId, List<Episode>> frozen = new HashMap<>();
        byCow.forEach((cow, list) -> frozen.put(cow,
                list.stream().sorted(Comparator.comparing(Episode::start)).toList()));
        return Map.copyOf(frozen);
    }

    /** The cow's episodes sorted by start; empty for an uneventful cow. */
    public List<Episode> episodes(CowId cow) {
        return episodes.getOrDefault(cow, List.of());
    }

    /** True when the cow's collar runs on an old battery. */
    public boolean agedBattery(CowId cow) {
        return agedBatteries.contains(cow);
    }

    /** Every cow with at least one episode or an aged battery, in number order. */
    public Set<CowId> eventfulCows() {
        Set<CowId> all = new TreeSet<>(episodes.keySet());
        all.addAll(agedBatteries);
        return Set.copyOf(all);
    }

    private static List<CowId> cows(EventSpec.Entry e, int herdSize, Rng rng) {
        if (!e.cows().isEmpty()) {
            return e.cows();
        }
        // partial Fisher-Yates over 1..herdSize: count distinct cows
        int[] numbers = new int[herdSize];
        for (int i = 0; i < herdSize; i++) {
            numbers[i] = i + 1;
        }
        List<CowId> out = new ArrayList<>(e.count());
        for (int i = 0; i < e.count(); i++) {
            int j = i + (int) (rng.nextDouble() * (herdSize - i));
            int t = numbers[i];
            numbers[i] = numbers[j];
            numbers[j] = t;
            out.add(CowId.of(numbers[i]));
        }
        return out;
    }

    private static Episode episode(EventKind kind, Rng rng, Instant start, Duration span, Duration warmup) {
        return switch (kind) {
            case HEAT -> {
                Duration len = hours(rng, 8, 15);
                yield Heat.of(startIn(rng, start, span, warmup, len), len, rng.uniform(2, 4));
            }
            case ILLNESS -> {
                Duration len = hours(rng, 3 * 24, 7 * 24);
                yield Illness.of(startIn(rng, start, span, warmup, len), len, rng.uniform(0.3, 0.5));
            }
            case CALVING -> Calving.of(startIn(rng, start, span, warmup.plus(Calving.RESTLESS), Duration.ZERO));
            case DOWN -> {
                // a cow that cannot get up stays down until someone helps her; healthy cows lie still
                // for up to about 5 h, so a shorter episode is not a cow down
                Duration len = hours(rng, 7, 12);
                yield CowDown.of(startIn(rng, start, span, warmup, len), len);
            }
            case COLLAR_OFF -> {
                Duration len = hours(rng, 6, 48);
                yield CollarOff.of(startIn(rng, start, span, warmup, len), len);
            }
            case RADIO_LOSS -> {
                Duration len = hours(rng, 1, 12);
                yield RadioLoss.of(startIn(rng, start, span, warmup, len), len);
            }
            case BATTERY -> throw new IllegalArgumentException("battery is not an episode");
        };
    }

    private static Duration hours(Rng rng, double lo, double hi) {
        return Duration.ofMinutes(Math.round(rng.uniform(lo, hi) * 60));
    }

    /** A start in [start + warmup, start + span - length], or the end of the warm-up when that is empty. */
    private static Instant startIn(Rng rng, Instant start, Duration span, Duration warmup, Duration length) {
        long lo = warmup.toSeconds();
        long hi = Math.max(lo, span.minus(length).toSeconds());
        return start.plusSeconds(lo + (long) (rng.nextDouble() * (hi - lo)));
    }
}
