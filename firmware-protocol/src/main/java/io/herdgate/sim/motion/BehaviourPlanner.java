package io.herdgate.sim.motion;

import io.herdgate.sim.event.Calving;
import io.herdgate.sim.event.CollarOff;
import io.herdgate.sim.event.CowDown;
import io.herdgate.sim.event.Episode;
import io.herdgate.sim.event.Heat;
import io.herdgate.sim.event.Illness;
import io.herdgate.sim.event.RadioLoss;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * Plans a cow's day as a sequence of {@link Bout}s (a semi-Markov chain): the next behaviour is drawn
 * with weights that depend on the local time of day (night rest, milking at 05:00 and 16:00, main
 * grazing after milking, rumination bouts in between; shifted per cow), the bout length is log-normal
 * per behaviour. Episodes change the weights, the bout lengths and the movement intensity; a bout never
 * runs across the start or end of an episode.
 *
 * <p>Deterministic for the cow's seed and the episode list. Not thread-safe.
 */
public final class BehaviourPlanner {

    private static final Behaviour[] CHOICES = {
        Behaviour.LYING, Behaviour.RUMINATING, Behaviour.STANDING, Behaviour.GRAZING, Behaviour.WALKING};

    /** Weights per local hour, columns in {@link #CHOICES} order. */
    private static final double[][] BY_HOUR = new double[24][];

    static {
        double[] night = {45, 40, 8, 5, 2};
        double[] milking = {3, 0, 55, 7, 35};
        double[] feeding = {5, 10, 15, 60, 10};
        double[] midday = {25, 33, 15, 22, 5};
        double[] evening = {30, 40, 10, 15, 5};
        for (int h = 0; h < 24; h++) {
            BY_HOUR[h] = switch (h) {
                case 5, 16 -> milking;
                case 6, 7, 8, 17, 18, 19 -> feeding;
                case 9, 10, 11, 12, 13, 14, 15 -> midday;
                case 20, 21, 22 -> evening;
                default -> night;
            };
        }
    }

    /** Median bout length in s, columns in {@link #CHOICES} order; lying and ruminating are parts of a lying bout. */
    private static final double[] MEDIAN_BOUT_S = {40 * 60, 35 * 60, 8 * 60, 35 * 60, 90};
    /**
     * Median length of a whole lying bout (lying down to getting up, lying and ruminating parts together), s.
     * The leg-sensor minute recordings lie 8.2..10.8 h a day in bouts of 54..77 min (median runs of lying
     * minutes; the sensor's own bout count gives 20..31 min); with this median and the planner's gaps the
     * simulated cows lie 11..14 h in bouts of 30..65 min. Without it lying and ruminating followed each other
     * for hours (bouts of 50..120 min, 13..17 h a day).
     */
    private static final double MEDIAN_LYING_BOUT_S = 35 * 60;
    private static final double BOUT_SIGMA = 0.6;
    private static final Duration SHORTEST_BOUT = Duration.ofSeconds(10);

    private final CowTraits traits;
    private final ZoneId zone;
    private final List<Episode> episodes;
    private final Rng rng;
    private final double[] weights = new double[CHOICES.length];
    private Behaviour last = Behaviour.STANDING;
    private double lyingLeftS; // time left in the current lying bout, s

    private BehaviourPlanner(CowTraits traits, ZoneId zone, List<Episode> episodes) {
        this.traits = traits;
        this.zone = zone;
        this.episodes = episodes.stream().sorted(Comparator.comparing(Episode::start)).toList();
        this.rng = Rng.of(Rng.derive(traits.seed(), 3));
    }

    /**
     * @param zone     the farm's time zone, for the daily rhythm
     * @param episodes events of this cow; radio loss is ignored here (it concerns the collar)
     */
    public static BehaviourPlanner of(CowTraits traits, ZoneId zone, List<Episode> episodes) {
        return new BehaviourPlanner(traits, zone, episodes);
    }

    /** Plans the bout starting at {@code t}; call again with its end for the following one. */
    public Bout next(Instant t) {
        Effects fx = effectsAt(t);
        Instant boundary = nextBoundary(t);
        if (fx.down || fx.detached) {
            Behaviour b = fx.down ? Behaviour.DOWN : Behaviour.LYING;
            last = b;
            return Bout.of(b, t, boundary, 1, fx.detached);
        }
        int hour = t.atZone(zone).plusSeconds((long) (traits.diurnalShiftMin() * 60)).getHour();
        double[] base = BY_HOUR[hour];
        double total = 0;
        for (int i = 0; i < CHOICES.length; i++) {
            Behaviour b = CHOICES[i];
            double w = b == last || (last.isLying() && b.isLying()) ? 0 : base[i] * fx.weight[i];
            if (b == Behaviour.RUMINATING && last == Behaviour.GRAZING) {
                w *= 2; // rumination tends to follow a meal
            }
            weights[i] = w;
            total += w;
        }
        double draw = rng.nextDouble();
        double pick = draw * total;
        int chosen = CHOICES.length - 1;
        for (int i = 0; i < CHOICES.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                chosen = i;
                break;
            }
        }
        if ((last == Behaviour.LYING || last == Behaviour.RUMINATING) && lyingLeftS > 0) {
            // Her lying bout goes on, resting or ruminating by the hour's weights, until its length is used up;
            // then she gets up.
            double rest = base[0] * fx.weight[0];
            double chew = base[1] * fx.weight[1];
            chosen = rest + chew > 0 && draw < chew / (rest + chew) ? 1 : 0;
        }
        double medianS = MEDIAN_BOUT_S[chosen] * traits.boutScale() * fx.boutScale[chosen];
        if ((hour == 5 || hour == 16) && CHOICES[chosen] == Behaviour.WALKING) {
            medianS *= 3; // the walk to and from the parlour
        }
        long seconds = Math.max(SHORTEST_BOUT.toSeconds(), Math.round(rng.logNormal(medianS, BOUT_SIGMA)));
        if (CHOICES[chosen].isLying()) {
            if (!last.isLying()) {
                lyingLeftS = rng.logNormal(MEDIAN_LYING_BOUT_S * traits.boutScale() * fx.boutScale[0], BOUT_SIGMA);
            }
            seconds = Math.max(SHORTEST_BOUT.toSeconds(), Math.min(seconds, Math.round(lyingLeftS)));
            lyingLeftS -= seconds;
        }
        Instant end = t.plusSeconds(seconds);
        if (end.isAfter(boundary)) {
            end = boundary;
        }
        last = CHOICES[chosen];
        return Bout.of(last, t, end, fx.intensity, false);
    }

    private Instant nextBoundary(Instant t) {
        Instant best = Instant.MAX;
        for (Episode e : episodes) {
            if (e instanceof RadioLoss) {
                continue;
            }
            if (e.start().isAfter(t) && e.start().isBefore(best)) {
                best = e.start();
            }
            if (e.end().isAfter(t) && e.end().isBefore(best)) {
                best = e.end();
            }
        }
        return best;
    }

    private Effects effectsAt(Instant t) {
        Effects fx = new Effects();
        for (Episode e : episodes) {
            if (!e.activeAt(t)) {
                continue;
            }
            // Java 17 has no pattern switch; episodes not listed here do not change the plan
            if (e instanceof Heat h) {
                double f = h.activityFactor();
                fx.intensity *= Math.pow(f, 0.75);
                fx.scale(Behaviour.WALKING, f, 1);
                fx.scale(Behaviour.STANDING, Math.sqrt(f), 1);
                fx.scale(Behaviour.LYING, 1 / f, 1 / Math.sqrt(f));
                fx.scale(Behaviour.RUMINATING, 1 / f, 1 / Math.sqrt(f));
            } else if (e instanceof Illness i) {
                double s = i.severityAt(t);
                fx.intensity *= 1 - s;
                fx.scale(Behaviour.GRAZING, 1 - s, 1 - 0.5 * s);
                fx.scale(Behaviour.RUMINATING, 1 - s, 1 - 0.5 * s);
                fx.scale(Behaviour.WALKING, 1 - s, 1);
                fx.scale(Behaviour.LYING, 1 + 2 * s, 1 + s);
            } else if (e instanceof Calving c) {
                // As in the calving recordings' last 24 h against the two days before: lying bouts nearly
                // twice as many and half as long, about the same lying time, a third less rumination, and
                // no more neck activity (the restlessness is getting up and down, not moving about).
                double p = c.progressAt(t);
                fx.scale(Behaviour.LYING, 1, 1 - 0.7 * p);
                fx.scale(Behaviour.RUMINATING, 1 - 0.6 * p, 1 - 0.7 * p);
                fx.scale(Behaviour.STANDING, 1 + 8 * p, 1 - 0.6 * p);
                fx.scale(Behaviour.GRAZING, 1 - 0.5 * p, 1);
            } else if (e instanceof CowDown) {
                fx.down = true;
            } else if (e instanceof CollarOff) {
                fx.detached = true;
            }
        }
        return fx;
    }

    /** What the active episodes do to the plan at one instant. */
    private static final class Effects {
        final double[] weight = {1, 1, 1, 1, 1};
        final double[] boutScale = {1, 1, 1, 1, 1};
        double intensity = 1;
        boolean down;
        boolean detached;

        void scale(Behaviour b, double w, double bout) {
            int i = b.ordinal(); // CHOICES follows the enum order
            weight[i] *= w;
            boutScale[i] *= bout;
        }
    }
}
