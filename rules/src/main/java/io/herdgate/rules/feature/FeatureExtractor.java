package io.herdgate.rules.feature;

import java.util.Optional;

/**
 * Turns a stream of raw 3-axis samples into {@link WindowFeatures}, one per window of
 * {@link FeatureSettings#windowSamples()} samples. O(1) work and no allocation per sample (a record is
 * allocated only when a window completes). Not thread-safe: one extractor per collar stream.
 *
 * <p>Per sample, in milli-g: gravity {@code g += α (a − g)} with {@code α = 1 − exp(−Δt/τ)} (first-order
 * low-pass, τ = {@link FeatureSettings#gravityTauS()}; the first sample seeds it); dynamic acceleration
 * {@code d = a − g}; VeDBA {@code |d|}; ODBA {@code |dx|+|dy|+|dz|}; each axis of {@code d} through a
 * 0.7–1.5 Hz band-pass for the rumination band; a step when VeDBA rises above {@value #STEP_HIGH_MG} mg
 * after having fallen below {@value #STEP_REARM_MG} mg, at least {@value #STEP_REFRACTORY_S} s after the
 * previous step; the roughness from the change {@code a(t) − a(t−1)}. See {@code rules/FEATURES.md}.
 */
public final class FeatureExtractor {

    /** Lowest rate at which the rumination band (up to 1.5 Hz) lies well below Nyquist, Hz. */
    public static final double MIN_RUMINATION_RATE_HZ = 4.0;
    /** Lowest rate at which single steps (about 1–2 per second per leg pair) can be resolved, Hz. */
    public static final double MIN_STEP_RATE_HZ = 5.0;
    /** Lower edge of the jaw-movement band, Hz. */
    public static final double RUMINATION_LOW_HZ = 0.7;
    /** Upper edge of the jaw-movement band, Hz. */
    public static final double RUMINATION_HIGH_HZ = 1.5;
    /** VeDBA a step peak must exceed, milli-g. */
    public static final double STEP_HIGH_MG = 150;
    /** VeDBA must fall below this between two steps, milli-g. */
    public static final double STEP_REARM_MG = 80;
    /** Shortest time between two counted steps, seconds. */
    public static final double STEP_REFRACTORY_S = 0.3;

    private final FeatureSettings settings;
    private final double toMg;
    private final double alpha;
    private final int windowSamples;
    private final boolean bandDefined;
    private final boolean stepsDefined;
    private final long refractorySamples;
    private final BandPass bandX;
    private final BandPass bandY;
    private final BandPass bandZ;
    private final WindowAccumulator window = new WindowAccumulator();

    private long samples;
    private double gx;
    private double gy;
    private double gz;
    private double px;
    private double py;
    private double pz;
    private boolean stepArmed;
    private long lastStepSample;

    private FeatureExtractor(FeatureSettings settings, ExtractorState state) {
        this.settings = settings;
        double hz = settings.rate().hz();
        this.toMg = settings.unit().toG() * 1000;
        this.alpha = 1 - Math.exp(-settings.rate().periodS() / settings.gravityTauS());
        this.windowSamples = settings.windowSamples();
        this.bandDefined = hz >= MIN_RUMINATION_RATE_HZ;
        this.stepsDefined = hz >= MIN_STEP_RATE_HZ;
        this.refractorySamples = Math.round(STEP_REFRACTORY_S * hz);
        // Below MIN_RUMINATION_RATE_HZ the filters are never run; designing them at 10 Hz keeps them valid.
        double designHz = bandDefined ? hz : 10;
        this.bandX = new BandPass(RUMINATION_LOW_HZ, RUMINATION_HIGH_HZ, designHz);
        this.bandY = new BandPass(RUMINATION_LOW_HZ, RUMINATION_HIGH_HZ, designHz);
        this.bandZ = new BandPass(RUMINATION_LOW_HZ, RUMINATION_HIGH_HZ, designHz);
        this.samples = state.samples();
        this.gx = state.gravityMg().x();
        this.gy = state.gravityMg().y();
        this.gz = state.gravityMg().z();
        this.px = state.previousMg().x();
        this.py = state.previousMg().y();
        this.pz = state.previousMg().z();
        bandX.restore(state.bandX());
        bandY.restore(state.bandY());
        bandZ.restore(state.bandZ());
        this.stepArmed = state.stepArmed();
        this.lastStepSample = state.lastStepSample();
        window.restore(state.window());
    }

    /** A fresh extractor. */
    public static FeatureExtractor of(FeatureSettings settings) {
        return new FeatureExtractor(settings, ExtractorState.INITIAL);
    }

    /**
     * An extractor that continues from {@code state}, taken from an extractor with the same settings.
     */
    public static FeatureExtractor restore(FeatureSettings settings, ExtractorState state) {
        return new FeatureExtractor(settings, state);
    }

    public FeatureSettings settings() {
        return settings;
    }

    /** Samples added since the stream started (including those before a restore). */
    public long samples() {
        return samples;
    }

    /**
     * Adds one sample in the settings' unit, axes in the sensor's body frame.
     *
     * @return the window this sample completes, or empty
     */
    public Optional<WindowFeatures> add(double ax, double ay, double az) {
        double x = ax * toMg;
        double y = ay * toMg;
        double z = az * toMg;
        if (samples == 0) {
            gx = x;
            gy = y;
            gz = z;
            px = x;
            py = y;
            pz = z;
        } else {
            gx += alpha * (x - gx);
            gy += alpha * (y - gy);
            gz += alpha * (z - gz);
        }
        double dx = x - gx;
        double dy = y - gy;
        double dz = z - gz;
        double dynamic = dx * dx + dy * dy + dz * dz;
        double vedba = Math.sqrt(dynamic);
        double odba = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
        double jerk = (x - px) * (x - px) + (y - py) * (y - py) + (z - pz) * (z - pz);
        px = x;
        py = y;
        pz = z;
        double band = 0;
        if (bandDefined) {
            double bx = bandX.filter(dx);
            double by = bandY.filter(dy);
            double bz = bandZ.filter(dz);
            band = bx * bx + by * by + bz * bz;
        }
        boolean step = false;
        if (stepsDefined) {
            if (vedba < STEP_REARM_MG) {
                stepArmed = true;
            } else if (stepArmed && vedba > STEP_HIGH_MG && samples - lastStepSample >= refractorySamples) {
                step = true;
                stepArmed = false;
                lastStepSample = samples;
            }
        }
        if (window.count() == 0) {
            window.reset(samples);
        }
        window.add(x, y, z, gx, gy, gz, vedba, odba, band, dynamic, jerk, step);
        samples++;
        if (window.count() >= windowSamples) {
            WindowFeatures done = window.toFeatures(settings.rate().periodS(), bandDefined);
            window.reset(samples);
            return Optional.of(done);
        }
        return Optional.empty();
    }

    /**
     * Ends the window in progress: reports it if it holds at least {@link FeatureSettings#minWindowSamples()}
     * samples, and drops it either way. Filter state (gravity, band-pass, steps) is kept.
     */
    public Optional<WindowFeatures> flush() {
        Optional<WindowFeatures> out = window.count() >= settings.minWindowSamples()
                ? Optional.of(window.toFeatures(settings.rate().periodS(), bandDefined))
                : Optional.empty();
        window.reset(samples);
        return out;
    }

    /** A snapshot of the whole state, for {@link #restore}. */
    public ExtractorState state() {
        return new ExtractorState(samples, Axes.of(gx, gy, gz), Axes.of(px, py, pz), bandX.state(), bandY.state(),
                bandZ.state(), stepArmed, lastStepSample, window.state());
    }
}
