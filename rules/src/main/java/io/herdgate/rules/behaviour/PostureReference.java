package io.herdgate.rules.behaviour;

import io.herdgate.rules.feature.Axes;
import io.herdgate.rules.feature.WindowFeatures;
import java.util.Optional;

/**
 * One cow's own posture reference, learnt live and without labels from her windows: the mean gravity
 * direction (unit vectors, collar body frame) of the windows the classifier calls walking, and of those it
 * calls grazing, each with probability above {@value #LEARN_PROBABILITY}. Standing and lying both keep the
 * neck still and differ mainly in how high the head is held; how that shows on the collar's axes depends on
 * how the collar sits on this cow's neck, so the classifier compares each window with the cow's own walking
 * and grazing postures ({@link #angles}) rather than with fixed axes.
 *
 * <p>The means forget slowly once a posture has {@value #MEMORY_WINDOWS} windows (older windows lose weight
 * by a factor {@code 1 − 1/}{@value #MEMORY_WINDOWS} per new window), so a collar that slips round the neck
 * is followed within hours. The value is small (eight numbers) and is saved with the observer's state.
 *
 * @param walkingSum     weighted sum of the unit gravity directions of walking windows
 * @param walkingWindows windows in that sum, 0..{@value #MEMORY_WINDOWS}
 * @param grazingSum     weighted sum of the unit gravity directions of grazing windows
 * @param grazingWindows windows in that sum, 0..{@value #MEMORY_WINDOWS}
 */
public record PostureReference(Axes walkingSum, int walkingWindows, Axes grazingSum, int grazingWindows) {

    /** A cow with no history yet. */
    public static final PostureReference EMPTY = new PostureReference(Axes.of(0, 0, 0), 0, Axes.of(0, 0, 0), 0);
    /** Probability above which a window's gravity direction joins the walking or grazing mean. */
    public static final double LEARN_PROBABILITY = 0.5;
    /** Windows each posture needs before the reference is used (30 s of walking and of grazing). */
    public static final int MIN_WINDOWS = 3;
    /** Windows after which a posture's mean starts to forget its oldest windows (1 h). */
    public static final int MEMORY_WINDOWS = 360;

    public PostureReference {
        if (walkingWindows < 0 || walkingWindows > MEMORY_WINDOWS || grazingWindows < 0
                || grazingWindows > MEMORY_WINDOWS) {
            throw new IllegalArgumentException("window counts must be 0.." + MEMORY_WINDOWS + ", got "
                    + walkingWindows + " and " + grazingWindows);
        }
    }

    public static PostureReference of(Axes walkingSum, int walkingWindows, Axes grazingSum, int grazingWindows) {
        return new PostureReference(walkingSum, walkingWindows, grazingSum, grazingWindows);
    }

    /**
     * This reference after {@code window}, which the classifier gave {@code probabilities}: its gravity
     * direction joins the walking or grazing mean when that class is more probable than
     * {@value #LEARN_PROBABILITY}. A window without a gravity direction (zero vector) changes nothing.
     */
    public PostureReference learn(ClassProbabilities probabilities, WindowFeatures window) {
        Axes g = window.gravityG();
        double n = g.norm();
        if (n == 0) {
            return this;
        }
        Axes unit = Axes.of(g.x() / n, g.y() / n, g.z() / n);
        PostureReference r = this;
        if (probability(probabilities, Behaviour.WALKING) > LEARN_PROBABILITY) {
            r = of(add(walkingSum, walkingWindows, unit), Math.min(MEMORY_WINDOWS, walkingWindows + 1),
                    grazingSum, grazingWindows);
        }
        if (probability(probabilities, Behaviour.GRAZING) > LEARN_PROBABILITY) {
            r = of(r.walkingSum, r.walkingWindows, add(grazingSum, grazingWindows, unit),
                    Math.min(MEMORY_WINDOWS, grazingWindows + 1));
        }
        return r;
    }

    /**
     * The angles of gravity direction {@code gravity} against this reference; empty until both postures
     * have {@value #MIN_WINDOWS} windows, or when they point the same way (no plane to measure in) or
     * {@code gravity} is the zero vector.
     */
    public Optional<PostureAngles> angles(Axes gravity) {
        if (walkingWindows < MIN_WINDOWS || grazingWindows < MIN_WINDOWS) {
            return Optional.empty();
        }
        double[] w = unit(walkingSum);
        double[] d = unit(grazingSum);
        double[] g = unit(gravity);
        if (w == null || d == null || g == null) {
            return Optional.empty();
        }
        // e1: the grazing direction with its walking component removed, i.e. "head down" within the plane.
        double dot = dot(d, w);
        double[] e1 = unit(Axes.of(d[0] - dot * w[0], d[1] - dot * w[1], d[2] - dot * w[2]));
        if (e1 == null || Math.abs(dot) > 1 - 1e-9) {
            return Optional.empty();
        }
        double[] e2 = {w[1] * e1[2] - w[2] * e1[1], w[2] * e1[0] - w[0] * e1[2], w[0] * e1[1] - w[1] * e1[0]};
        return Optional.of(PostureAngles.of(asinDeg(dot(g, e1)), Math.abs(asinDeg(dot(g, e2))),
                Math.toDegrees(Math.acos(clamp(dot(g, w))))));
    }

    private static double probability(ClassProbabilities p, Behaviour b) {
        int k = p.classes().indexOf(b);
        return k < 0 ? 0 : p.values().get(k);
    }

    private static Axes add(Axes sum, int windows, Axes unit) {
        // Full windows: the oldest weight fades so the mean keeps about MEMORY_WINDOWS windows.
        double keep = windows < MEMORY_WINDOWS ? 1 : 1 - 1.0 / MEMORY_WINDOWS;
        return Axes.of(sum.x() * keep + unit.x(), sum.y() * keep + unit.y(), sum.z() * keep + unit.z());
    }

    private static double[] unit(Axes v) {
        double n = v.norm();
        return n < 1e-12 ? null : new double[] {v.x() / n, v.y() / n, v.z() / n};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double asinDeg(double v) {
        return Math.toDegrees(Math.asin(clamp(v)));
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
