package io.herdgate.rules.feature;

/**
 * A regular accelerometer sample rate.
 *
 * @param hz samples per second, {@value #MIN_HZ}..{@value #MAX_HZ}
 */
public record SampleRate(double hz) {

    public static final double MIN_HZ = 1.0;
    public static final double MAX_HZ = 100.0;

    public SampleRate {
        if (!(hz >= MIN_HZ && hz <= MAX_HZ)) {
            throw new IllegalArgumentException("sample rate must be " + MIN_HZ + ".." + MAX_HZ + " Hz, got " + hz);
        }
    }

    public static SampleRate ofHz(double hz) {
        return new SampleRate(hz);
    }

    /** Time between two samples, in seconds. */
    public double periodS() {
        return 1.0 / hz;
    }

    /** Number of whole samples in {@code seconds}, at least 1. */
    public int samplesIn(double seconds) {
        return Math.max(1, (int) Math.round(seconds * hz));
    }
}
