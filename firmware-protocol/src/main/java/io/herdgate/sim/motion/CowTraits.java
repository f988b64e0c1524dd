package io.herdgate.sim.motion;

/**
 * The constants that make one simulated cow and her collar different from another, drawn once from a
 * seed. Angles in radians, frequencies in Hz, accelerations in g.
 *
 * @param seed            the seed these traits and the cow's streams derive from
 * @param mountRollRad    how far the collar has turned around the neck from the nominal position, ±0.35
 * @param reversed        collar fitted the other way round (x and y change sign)
 * @param gain            accelerometer scale error, about 1 ± 0.02
 * @param noiseG          white noise of a worn collar (sensor noise and the neck's small movements), standard
 *                        deviation per axis
 * @param humG            amplitude of the narrow-band component near {@code humHz} seen on worn collars
 * @param humHz           centre of that component, 2.3..2.8 Hz
 * @param strideHz        walking stride frequency, 0.75..1.05 Hz (the neck sees steps at twice this)
 * @param chewHz          rumination chewing frequency, 0.9..1.3 Hz
 * @param activity        overall movement intensity, log-normal around 1
 * @param grazingPitchRad how far the head goes down when grazing, 0.7..0.95
 * @param diurnalShiftMin the cow's shift of the daily rhythm in minutes, -30..30
 * @param boutScale       scale of her bout durations, log-normal around 1
 */
public record CowTraits(long seed, double mountRollRad, boolean reversed, double gain, double noiseG, double humG,
                        double humHz, double strideHz, double chewHz, double activity, double grazingPitchRad,
                        double diurnalShiftMin, double boutScale) {

    /** Draws a cow from a seed; the same seed always gives the same cow. */
    public static CowTraits random(long seed) {
        Rng r = Rng.of(Rng.derive(seed, 1));
        return new CowTraits(seed,
                r.uniform(-0.35, 0.35),
                r.nextDouble() < 0.5,
                r.logNormal(1.0, 0.01),
                r.uniform(0.003, 0.006),
                // about one collar in five shows almost none of it, as in the recordings
                r.nextDouble() < 0.2 ? r.logNormal(0.004, 0.3) : r.logNormal(0.036, 0.2),
                r.uniform(2.3, 2.8),
                r.uniform(0.75, 1.05),
                r.uniform(0.9, 1.3),
                r.logNormal(1.0, 0.12),
                r.uniform(0.7, 0.95),
                r.uniform(-30, 30),
                r.logNormal(1.0, 0.2));
    }
}
