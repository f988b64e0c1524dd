package io.herdgate.sim.motion;

import io.herdgate.sim.event.Episode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One cow's accelerometer stream in simulated time: plans bouts with a {@link BehaviourPlanner} and
 * renders them with a {@link MotionSynth}. Each {@link #fill} call continues where the last one ended and
 * advances the cow's clock by {@code samples / rateHz}; nothing reads the wall clock, so a week renders
 * as fast as the CPU allows. Deterministic for the traits' seed, start and episodes. Not thread-safe.
 */
public final class CowMotion {

    private final BehaviourPlanner planner;
    private final MotionSynth synth;
    private final Instant origin;
    private long elapsedNanos;
    private Bout bout;
    private long boutEndNanos;

    private CowMotion(CowTraits traits, Instant start, ZoneId zone, List<Episode> episodes) {
        this.planner = BehaviourPlanner.of(traits, zone, episodes);
        this.synth = MotionSynth.of(traits);
        this.origin = start;
        begin(planner.next(start));
    }

    /**
     * @param start    simulated time of the first sample
     * @param zone     farm time zone for the daily rhythm
     * @param episodes this cow's events
     */
    public static CowMotion of(CowTraits traits, Instant start, ZoneId zone, List<Episode> episodes) {
        return new CowMotion(traits, start, zone, episodes);
    }

    /** Simulated time of the next sample {@link #fill} writes. */
    public Instant now() {
        return origin.plusNanos(elapsedNanos);
    }

    /** The bout the next sample belongs to. */
    public Bout bout() {
        return bout;
    }

    /**
     * Writes the next {@code samples} samples into {@code xyz[offset..offset + 3 * samples)}, interleaved
     * x, y, z in g, and advances the clock. Allocates only when a new bout starts.
     *
     * @param rateHz sample rate, 1..100 Hz (it may change between calls)
     */
    public void fill(float[] xyz, int offset, int samples, double rateHz) {
        if (!(rateHz >= 1 && rateHz <= 100)) {
            throw new IllegalArgumentException("rateHz out of 1..100: " + rateHz);
        }
        double periodNanos = 1e9 / rateHz;
        int done = 0;
        while (done < samples) {
            if (elapsedNanos >= boutEndNanos) {
                begin(planner.next(origin.plusNanos(boutEndNanos)));
            }
            long untilEnd = (long) Math.ceil((boutEndNanos - elapsedNanos) / periodNanos);
            int chunk = (int) Math.min(samples - done, Math.max(1, untilEnd));
            synth.fill(xyz, offset + 3 * done, chunk, bout.intensity(), rateHz);
            elapsedNanos += Math.round(chunk * periodNanos);
            done += chunk;
        }
    }

    /**
     * Moves the clock to {@code t} without rendering samples (nobody is listening, e.g. a dead collar);
     * bouts are still planned so that the cow's day continues consistently.
     */
    public void skipTo(Instant t) {
        long target = Duration.between(origin, t).toNanos();
        while (boutEndNanos <= target) {
            elapsedNanos = boutEndNanos;
            begin(planner.next(origin.plusNanos(boutEndNanos)));
        }
        elapsedNanos = Math.max(elapsedNanos, target);
    }

    private void begin(Bout next) {
        bout = next;
        boutEndNanos = next.end().equals(Instant.MAX) ? Long.MAX_VALUE
                : Duration.between(origin, next.end()).toNanos();
        if (next.detached()) {
            synth.detach();
        } else {
            synth.startBout(next.behaviour());
        }
    }
}
