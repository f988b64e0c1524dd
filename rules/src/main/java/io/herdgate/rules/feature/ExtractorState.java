package io.herdgate.rules.feature;

/**
 * Everything a {@link FeatureExtractor} remembers, so a gateway restart can continue a cow's stream
 * where it stopped ({@link FeatureExtractor#state()}, {@link FeatureExtractor#restore}).
 *
 * @param samples         samples seen since the extractor was created
 * @param gravityMg       current gravity estimate, milli-g; meaningless while {@code samples == 0}
 * @param previousMg      the last raw sample, milli-g (for the roughness); meaningless while {@code samples == 0}
 * @param bandX           rumination band-pass state of the x axis (likewise y, z)
 * @param stepArmed       whether VeDBA fell below the re-arm level since the last counted step
 * @param lastStepSample  sample index of the last counted step, or a large negative number
 * @param window          the window in progress
 */
public record ExtractorState(long samples, Axes gravityMg, Axes previousMg, BiquadState bandX, BiquadState bandY, BiquadState bandZ,
                             boolean stepArmed, long lastStepSample, WindowState window) {

    /** State of a fresh extractor. */
    public static final ExtractorState INITIAL = new ExtractorState(0, Axes.of(0, 0, 0), Axes.of(0, 0, 0), BiquadState.ZERO,
            BiquadState.ZERO, BiquadState.ZERO, true, Long.MIN_VALUE / 2, WindowState.EMPTY);
}
