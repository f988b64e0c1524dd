package io.herdgate.rules.behaviour;

import io.herdgate.rules.feature.WindowFeatures;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The inputs of the behaviour classifier, each derived from one {@link WindowFeatures}. Log-scaled
 * magnitudes ({@code ln(1 + v)}) because activity spans three decades; gravity components taken as
 * absolute values for x and y, because a collar may sit turned by 180° about its z axis.
 */
public enum ClassifierFeature {
    /** ln(1 + mean VeDBA in mg). */
    LOG_VEDBA,
    /** ln(1 + SD of VeDBA in mg). */
    LOG_VEDBA_SD,
    /** ln(1 + summed per-axis variance in mg²). */
    LOG_TOTAL_VARIANCE,
    /** ln(1 + x variance in mg²). */
    LOG_VARIANCE_X,
    /** ln(1 + y variance in mg²). */
    LOG_VARIANCE_Y,
    /** ln(1 + z variance in mg²). */
    LOG_VARIANCE_Z,
    /** |gx| / |g| of the mean gravity, 0..1. */
    ABS_GRAVITY_X,
    /** |gy| / |g| of the mean gravity, 0..1. */
    ABS_GRAVITY_Y,
    /** gz / |g| of the mean gravity, −1..1. */
    GRAVITY_Z,
    /** Share of dynamic power in the 0.7–1.5 Hz band, 0..1 (0 where the rate does not allow it). */
    RUMINATION_BAND_RATIO,
    /** Step-like peaks per second. */
    STEPS_PER_S,
    /** ln(1 + orientation change in degrees). */
    LOG_ORIENTATION_CHANGE,
    /** Roughness of the movement, ≈1 for noise, ≈0 for smooth movement. */
    ROUGHNESS,
    /** ln(1 + SD of the magnitude |a| in mg): movement that does not depend on how the collar sits. */
    LOG_MAGNITUDE_SD;

    /** This feature's value for {@code w}. */
    public double of(WindowFeatures w) {
        double g = w.gravityG().norm();
        return switch (this) {
            case LOG_VEDBA -> Math.log1p(w.vedbaMg());
            case LOG_VEDBA_SD -> Math.log1p(w.vedbaSdMg());
            case LOG_TOTAL_VARIANCE -> Math.log1p(w.varianceMg2().sum());
            case LOG_VARIANCE_X -> Math.log1p(w.varianceMg2().x());
            case LOG_VARIANCE_Y -> Math.log1p(w.varianceMg2().y());
            case LOG_VARIANCE_Z -> Math.log1p(w.varianceMg2().z());
            case ABS_GRAVITY_X -> g == 0 ? 0 : Math.abs(w.gravityG().x()) / g;
            case ABS_GRAVITY_Y -> g == 0 ? 0 : Math.abs(w.gravityG().y()) / g;
            case GRAVITY_Z -> g == 0 ? 0 : w.gravityG().z() / g;
            case RUMINATION_BAND_RATIO -> w.ruminationBandRatio().orElse(0);
            case STEPS_PER_S -> w.steps() / w.durationS();
            case LOG_ORIENTATION_CHANGE -> Math.log1p(w.orientationChangeDeg());
            case ROUGHNESS -> w.roughness();
            case LOG_MAGNITUDE_SD -> Math.log1p(w.magnitudeSdMg());
        };
    }

    /** The name used in the model file, e.g. {@code "log_vedba"}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ClassifierFeature> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }
}
