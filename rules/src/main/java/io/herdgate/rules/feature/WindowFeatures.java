package io.herdgate.rules.feature;

import java.util.OptionalDouble;

/**
 * Features of one window of samples. Definitions and formulas: {@code rules/FEATURES.md}.
 *
 * @param startS               start of the window, seconds after the first sample the extractor saw
 * @param durationS            samples × sample period, seconds
 * @param samples              number of samples in the window, &gt;= 1
 * @param vedbaMg              mean vectorial dynamic body acceleration |a − g|, milli-g
 * @param vedbaSdMg            standard deviation of the per-sample VeDBA, milli-g
 * @param odbaMg               mean overall dynamic body acceleration |ax−gx|+|ay−gy|+|az−gz|, milli-g
 * @param gravityG             mean of the low-pass gravity estimate over the window, g per axis
 * @param varianceMg2          population variance of the raw samples per axis, milli-g²
 * @param ruminationBandRatio  share 0..1 of the dynamic acceleration power in the 0.7–1.5 Hz jaw band;
 *                             empty below {@link FeatureExtractor#MIN_RUMINATION_RATE_HZ}
 * @param steps                step-like VeDBA peaks in the window; 0 below
 *                             {@link FeatureExtractor#MIN_STEP_RATE_HZ}
 * @param orientationChangeDeg largest angle between the gravity direction at any sample of the window
 *                             and at its first sample, degrees 0..180
 * @param roughness            Σ|a(t) − a(t−1)|² / (2 Σ|a(t) − g(t)|²) over the window: about 1 for
 *                             white sensor noise, near 0 for smooth slow movement; 0 without movement
 * @param magnitudeSdMg        population standard deviation of the raw magnitude |a| (gravity included)
 *                             over the window, milli-g; independent of how the collar sits on the neck
 */
public record WindowFeatures(double startS, double durationS, int samples, double vedbaMg, double vedbaSdMg,
                             double odbaMg, Axes gravityG, Axes varianceMg2, OptionalDouble ruminationBandRatio,
                             int steps, double orientationChangeDeg, double roughness,
                             double magnitudeSdMg) {

    public static WindowFeatures of(double startS, double durationS, int samples, double vedbaMg, double vedbaSdMg,
                                    double odbaMg, Axes gravityG, Axes varianceMg2,
                                    OptionalDouble ruminationBandRatio, int steps, double orientationChangeDeg,
                                    double roughness, double magnitudeSdMg) {
        return new WindowFeatures(startS, durationS, samples, vedbaMg, vedbaSdMg, odbaMg, gravityG, varianceMg2,
                ruminationBandRatio, steps, orientationChangeDeg, roughness, magnitudeSdMg);
    }

    /** Pitch of the mean gravity vector, degrees −90..90 ({@link Axes#pitchDeg()}). */
    public double pitchDeg() {
        return gravityG.pitchDeg();
    }

    /** Roll of the mean gravity vector, degrees −180..180 ({@link Axes#rollDeg()}). */
    public double rollDeg() {
        return gravityG.rollDeg();
    }

    /** Root of the summed per-axis variances, milli-g: overall movement including gravity shifts. */
    public double totalSdMg() {
        return Math.sqrt(varianceMg2.sum());
    }
}
