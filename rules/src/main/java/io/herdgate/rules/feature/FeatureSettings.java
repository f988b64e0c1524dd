package io.herdgate.rules.feature;

/**
 * How a {@link FeatureExtractor} reads samples and cuts windows.
 *
 * @param rate          sample rate of the input
 * @param unit          unit of the input values
 * @param windowS       window length in seconds (rounded to whole samples), &gt; 0
 * @param minWindowS    shortest trailing partial window {@link FeatureExtractor#flush()} still reports,
 *                      seconds, 0 &lt; minWindowS &lt;= windowS
 * @param gravityTauS   time constant of the first-order low-pass filter that estimates gravity, seconds,
 *                      &gt; 0
 */
public record FeatureSettings(SampleRate rate, Unit unit, double windowS, double minWindowS, double gravityTauS) {

    /** Window used for behaviour classification, seconds. */
    public static final double CLASSIFICATION_WINDOW_S = 10.0;
    /** Window used for the per-minute detector input, seconds. */
    public static final double MINUTE_WINDOW_S = 60.0;
    /** Default gravity filter time constant, seconds (cut-off 1/(2π·τ) ≈ 0.08 Hz). */
    public static final double DEFAULT_GRAVITY_TAU_S = 2.0;

    public FeatureSettings {
        if (rate == null || unit == null) {
            throw new IllegalArgumentException("rate and unit are required");
        }
        if (!(windowS > 0) || !(minWindowS > 0) || minWindowS > windowS) {
            throw new IllegalArgumentException("need 0 < minWindowS <= windowS, got minWindowS=" + minWindowS
                    + " s, windowS=" + windowS + " s");
        }
        if (!(gravityTauS > 0)) {
            throw new IllegalArgumentException("gravityTauS must be > 0 s, got " + gravityTauS);
        }
    }

    /**
     * Windows of {@code windowS} seconds; a trailing partial window is reported from half that length;
     * gravity time constant {@value #DEFAULT_GRAVITY_TAU_S} s.
     */
    public static FeatureSettings of(SampleRate rate, Unit unit, double windowS) {
        return new FeatureSettings(rate, unit, windowS, windowS / 2, DEFAULT_GRAVITY_TAU_S);
    }

    /** Samples per full window. */
    public int windowSamples() {
        return rate.samplesIn(windowS);
    }

    /** Samples a trailing partial window needs to be reported. */
    public int minWindowSamples() {
        return Math.min(windowSamples(), rate.samplesIn(minWindowS));
    }
}
