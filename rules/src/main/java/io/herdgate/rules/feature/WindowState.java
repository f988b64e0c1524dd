package io.herdgate.rules.feature;

/**
 * Running sums of the window in progress; part of {@link ExtractorState}. Sums of milli-g values unless
 * stated; {@code meanMg}/{@code m2Mg2} are Welford accumulators of the raw samples and
 * {@code firstGravityDir} is the unit gravity direction at the first sample of the window;
 * {@code meanMagnitudeMg}/{@code m2MagnitudeMg2} the Welford accumulator of the magnitude |a|.
 */
public record WindowState(long startSample, int count, double sumVedba, double sumVedbaSq, double sumOdba,
                          Axes sumGravityMg, Axes meanMg, Axes m2Mg2, double bandPower, double dynamicPower,
                          int steps, Axes firstGravityDir, double minCos, double jerkPower,
                          double meanMagnitudeMg, double m2MagnitudeMg2) {

    public static final WindowState EMPTY = new WindowState(0, 0, 0, 0, 0, Axes.of(0, 0, 0), Axes.of(0, 0, 0),
            Axes.of(0, 0, 0), 0, 0, 0, Axes.of(0, 0, 0), 1, 0, 0, 0);
}
