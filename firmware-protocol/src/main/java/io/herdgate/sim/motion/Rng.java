package io.herdgate.sim.motion;

/**
 * A small, fast, seeded random source (SplitMix64) for the sample loops: no allocation, no locking,
 * identical sequences on every JVM for a given seed. Not for cryptography.
 */
public final class Rng {

    private static final double INV_2_53 = 0x1.0p-53;
    private long state;

    private Rng(long seed) {
        this.state = seed;
    }

    public static Rng of(long seed) {
        return new Rng(seed);
    }

    /** A seed derived from this seed and a label, to give sub-models independent streams. */
    public static long derive(long seed, long label) {
        return mix(seed ^ mix(label + 0x632BE59BD9B4E019L));
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * INV_2_53;
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /**
     * Approximately standard normal (Irwin-Hall sum of four 16-bit uniforms, scaled to unit variance):
     * one 64-bit draw and no transcendental call, good enough for sensor noise; tails end at ±3.46.
     */
    public double gaussian() {
        long r = nextLong();
        long sum = (r & 0xFFFF) + (r >>> 16 & 0xFFFF) + (r >>> 32 & 0xFFFF) + (r >>> 48);
        // sum/65536 has mean 2 and variance 4/12
        return (sum * 0x1.0p-16 - 2.0) * 1.7320508075688772;
    }

    /** Log-normal with the given median and log-space standard deviation. */
    public double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * gaussian());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
