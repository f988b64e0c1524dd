package io.herdgate.sim.motion;

/**
 * Synthesises one cow's accelerometer samples for a given behaviour: gravity along the posture of the
 * current bout plus the behaviour's dynamic acceleration, sensor noise and the collar's mounting.
 *
 * <p>Neck frame before mounting: x lateral, y along the neck (head down tilts gravity into +y), z radial
 * (gravity reads about -1 g on z when the cow stands with her head level). The dynamic part is built
 * from a stride oscillator with harmonics (walking, steps while grazing), a chewing oscillator gated by
 * bolus cycles (rumination), head swing that moves the gravity direction (grazing), band-limited noise
 * per behaviour (two-pole resonators), a per-collar narrow-band component and white noise. Movement
 * intensity varies slowly (log-normal, 15 s correlation time) so windows spread like real ones.
 *
 * <p>Mutable, one per cow, not thread-safe. {@link #fill} allocates nothing.
 */
public final class MotionSynth {

    private static final double TWO_PI = 2 * Math.PI;
    /** Time constant of posture changes (lying down, head up or down), s. */
    private static final double POSTURE_TAU_S = 1.5;
    /** Correlation time of the movement intensity, s. */
    private static final double INTENSITY_TAU_S = 15;
    /**
     * Noise of the accelerometer alone, per axis, g: a collar lying on the ground reads nothing else.
     * MEMS accelerometers of the kind fitted to collars have 100..250 µg/√Hz, about 1 mg RMS over the
     * bandwidth of a 10 Hz stream; a worn collar's {@link CowTraits#noiseG()} also holds the neck's
     * small movements.
     */
    static final double SENSOR_NOISE_G = 0.0012;
    /**
     * Head pitch while walking, rad, drawn per bout in {@code WALKING_PITCH_RAD ± 0.125}. Lying and standing
     * are placed against it because that is how the recordings separate them: over the 10 Hz collar
     * recordings resting windows hold the head 20..31° higher than the same cow's walking posture
     * (laterally 3..22°), standing windows 1..14° higher.
     */
    private static final double WALKING_PITCH_RAD = 0.225;

    private final CowTraits traits;
    private final Rng rng;
    private final double mountCos;
    private final double mountSin;
    private final double flip;

    // gravity direction, current and target (neck frame, unit length)
    private double gx;
    private double gy;
    private double gz = -1;
    private double tx;
    private double ty;
    private double tz = -1;
    private int retargetIn; // samples until the head orientation changes within a lying bout
    private double restPitch;  // the lying bout's head pitch and roll, rad, that head moves stay near
    private double restRoll;

    private double intensityState; // standard normal AR(1)
    private double freqState;      // standard normal AR(1), jitters oscillator frequencies
    private double stepC = 1;
    private double stepS;          // stride oscillator
    private double chewC = 1;
    private double chewS;          // chewing oscillator
    private double swingC = 1;
    private double swingS;         // head swing oscillator
    private int gateIn;            // samples until the chewing / stepping gate toggles
    private boolean gateOn;

    private final Resonator band = new Resonator();
    private final Resonator hum = new Resonator();

    private double strideScale = 1; // slow or brisk walk, per bout
    private Behaviour behaviour = Behaviour.STANDING;
    private boolean detached;
    private int fallLeft; // samples of the drop still to render: -1 not started, 0 done

    MotionSynth(CowTraits traits) {
        this.traits = traits;
        this.rng = Rng.of(Rng.derive(traits.seed(), 2));
        this.mountCos = Math.cos(traits.mountRollRad());
        this.mountSin = Math.sin(traits.mountRollRad());
        this.flip = traits.reversed() ? -1 : 1;
    }

    /** Creates a synthesiser for a cow. */
    public static MotionSynth of(CowTraits traits) {
        return new MotionSynth(traits);
    }

    /** Starts a bout: picks the bout's posture; the gravity direction moves there with a 1.5 s lag. */
    public void startBout(Behaviour next) {
        behaviour = next;
        detached = false;
        retargetIn = 0;
        strideScale = rng.uniform(0.8, 1.15);
        switch (next) {
            case LYING, RUMINATING -> {
                restPitch = WALKING_PITCH_RAD - rng.uniform(0.35, 0.54);
                restRoll = rng.gaussian() * 0.15;
                posture(restPitch, restRoll);
            }
            case STANDING -> posture(WALKING_PITCH_RAD - rng.uniform(0.02, 0.24), rng.gaussian() * 0.12);
            case GRAZING -> posture(traits.grazingPitchRad() + rng.gaussian() * 0.06, rng.gaussian() * 0.15);
            case WALKING -> posture(WALKING_PITCH_RAD + rng.uniform(-0.125, 0.125), rng.gaussian() * 0.08);
            case DOWN -> posture(rng.uniform(0.1, 0.5), (rng.nextDouble() < 0.5 ? -1 : 1) * rng.uniform(1.2, 1.45));
        }
        if (next.isLying() && next != Behaviour.DOWN) {
            retargetIn = 1; // set on the first sample from the rate
        }
    }

    /**
     * The collar has come off: it drops (a short free fall, then the hit), and from then on lies still on
     * the ground on its side (gravity mostly in the x-y plane, which a worn collar never shows) and reads
     * only the accelerometer's own noise ({@link #SENSOR_NOISE_G}).
     */
    public void detach() {
        detached = true;
        fallLeft = -1;
        double a = rng.uniform(0, TWO_PI);
        double z = rng.uniform(-0.3, 0.3);
        double h = Math.sqrt(1 - z * z);
        gx = tx = h * Math.cos(a);
        gy = ty = h * Math.sin(a);
        gz = tz = z;
    }

    /** The behaviour of the current bout. */
    public Behaviour behaviour() {
        return behaviour;
    }

    /**
     * Writes {@code samples} samples of the current bout into {@code xyz[offset..offset + 3 * samples)},
     * interleaved x, y, z, in g with gravity included.
     *
     * @param intensity scale of the dynamic movement (1 = this cow on an ordinary day)
     * @param rateHz    sample rate, 1..100 Hz
     */
    public void fill(float[] xyz, int offset, int samples, double intensity, double rateHz) {
        double dt = 1.0 / rateHz;
        if (detached) {
            fillStatic(xyz, offset, samples, SENSOR_NOISE_G, rateHz);
            return;
        }
        double noise = traits.noiseG();
        double kPosture = 1 - Math.exp(-dt / POSTURE_TAU_S);
        double rho = Math.exp(-dt / INTENSITY_TAU_S);
        double innov = Math.sqrt(1 - rho * rho);

        // Per-behaviour amplitudes in g (movement scale, log-normal spread, band noise, stride, chew, swing)
        double ampMedian;
        double ampSigma;
        double bandG;
        double stepG = 0;
        double chewG = 0;
        double swingRad = 0;
        double humG = traits.humG();
        double stepDuty = 0;
        double bandX = 1;
        double bandY = 1;
        double bandZ = 1;
        switch (behaviour) {
            case LYING -> {
                ampMedian = 1; ampSigma = 0.6; bandG = 0.006;
                band.tune(0.6, 1.5, dt);
            }
            case RUMINATING -> {
                ampMedian = 1; ampSigma = 0.3; bandG = 0.008; chewG = 0.022;
                band.tune(0.6, 1.5, dt);
            }
            case STANDING -> {
                ampMedian = 1; ampSigma = 0.65; bandG = 0.02; swingRad = 0.02;
                bandY = 0.8;
                bandZ = 0.7;
                band.tune(0.5, 1.2, dt);
            }
            case GRAZING -> {
                ampMedian = 1; ampSigma = 0.2; bandG = 0.185; swingRad = 0.10; stepG = 0.12; stepDuty = 0.2;
                bandX = 0.85;
                bandY = 1.15;
                band.tune(3.2, 2.5, dt);
            }
            case WALKING -> {
                ampMedian = 1; ampSigma = 0.65; bandG = 0.07; stepG = 0.16; stepDuty = 1;
                band.tune(3.5, 3.0, dt); // footfall jolts
            }
            case DOWN -> {
                // breathing only, about 30 breaths per minute
                ampMedian = 1; ampSigma = 0.2; bandG = 0.004; humG = 0;
                band.tune(0.5, 0.2, dt);
            }
            default -> throw new IllegalStateException(behaviour.toString());
        }
        hum.tune(traits.humHz(), 0.35, dt);
        double scale = intensity * traits.activity();
        double stepW = TWO_PI * traits.strideHz() * strideScale * dt;
        double chewW = TWO_PI * traits.chewHz() * dt;
        double swingW = TWO_PI * 0.35 * dt;
        double gain = traits.gain();
        int end = offset + 3 * samples;
        for (int i = offset; i < end; i += 3) {
            intensityState = rho * intensityState + innov * rng.gaussian();
            freqState = rho * freqState + innov * rng.gaussian();
            double amp = ampMedian * Math.exp(ampSigma * intensityState) * scale;
            double jitter = 1 + 0.06 * freqState;

            if (retargetIn > 0 && --retargetIn == 0) {
                // lying cows move the head to another resting position every few minutes, near the bout's
                posture(restPitch + rng.gaussian() * 0.06, restRoll + rng.gaussian() * 0.06);
                retargetIn = (int) (rng.uniform(120, 900) * rateHz);
            }
            gx += kPosture * (tx - gx);
            gy += kPosture * (ty - gy);
            gz += kPosture * (tz - gz);

            double ax = 0;
            double ay = 0;
            double az = 0;
            if (swingRad != 0) {
                rotateSwing(swingW * jitter);
                double d = swingRad * amp * swingS; // small pitch change: rotate about x
                ay -= gz * d;
                az += gy * d;
            }
            if (stepG != 0) {
                if (stepDuty < 1 && --gateIn <= 0) {
                    gateOn = !gateOn;
                    gateIn = (int) ((gateOn ? rng.uniform(1.5, 4) : rng.uniform(6, 16)) * rateHz);
                }
                rotateStep(stepW * jitter);
                if (stepDuty >= 1 || gateOn) {
                    double c = stepC;
                    double s = stepS;
                    double c2 = c * c - s * s;
                    double s2 = 2 * c * s;
                    double c3 = c * (4 * c * c - 3);
                    double s3 = s * (3 - 4 * s * s);
                    double c4 = 2 * c2 * c2 - 1;
                    double s4 = 2 * s2 * c2;
                    double g = stepG * amp;
                    ax += g * (0.40 * s + 0.12 * s3);
                    ay += g * (0.35 * (s2 * 0.921 + c2 * 0.389) + 0.15 * c3);
                    az += g * (0.55 * c2 + 0.2 * (c4 * 0.765 - s4 * 0.644) + 0.1 * c);
                }
            }
            if (chewG != 0) {
                if (--gateIn <= 0) {
                    // a bolus is chewed for 40..60 s, then a 3..6 s pause to swallow and regurgitate
                    gateOn = !gateOn;
                    gateIn = (int) ((gateOn ? rng.uniform(40, 60) : rng.uniform(3, 6)) * rateHz);
                }
                rotateChew(chewW * jitter);
                if (gateOn) {
                    double g = chewG * amp;
                    double c2 = chewC * chewC - chewS * chewS;
                    ay += g * (0.7 * chewS + 0.25 * c2);
                    az += g * (0.5 * chewC + 0.2 * 2 * chewC * chewS);
                    ax += g * 0.2 * chewS;
                }
            }
            double b = bandG * amp;
            band.step(rng.gaussian(), rng.gaussian(), rng.gaussian());
            ax += b * bandX * band.x;
            ay += b * bandY * band.y;
            az += b * bandZ * band.z;
            if (humG != 0) {
                hum.step(rng.gaussian(), rng.gaussian(), rng.gaussian());
                // the narrow-band component is strongest across the neck, weakest radially
                ax += humG * 1.25 * hum.x;
                ay += humG * hum.y;
                az += humG * 0.55 * hum.z;
            }
            mount(xyz, i, gx + ax + noise * rng.gaussian(), gy + ay + noise * rng.gaussian(),
                    gz + az + noise * rng.gaussian(), gain);
        }
    }

    private void fillStatic(float[] xyz, int offset, int samples, double noise, double rateHz) {
        double gain = traits.gain();
        int end = offset + 3 * samples;
        int i = offset;
        if (fallLeft < 0) {
            // about 0.35 s of free fall (a 60 cm drop) reads near 0 g, then one sample of the hit
            fallLeft = (int) Math.max(1, Math.round(0.35 * rateHz)) + 1;
        }
        for (; fallLeft > 0 && i < end; fallLeft--, i += 3) {
            if (fallLeft > 1) {
                mount(xyz, i, noise * rng.gaussian(), noise * rng.gaussian(), noise * rng.gaussian(), gain);
            } else {
                double hit = rng.uniform(3.5, 6);
                mount(xyz, i, gx * hit, gy * hit, gz * hit, gain);
            }
        }
        for (; i < end; i += 3) {
            mount(xyz, i, gx + noise * rng.gaussian(), gy + noise * rng.gaussian(), gz + noise * rng.gaussian(),
                    gain);
        }
    }

    private void mount(float[] xyz, int i, double x, double y, double z, double gain) {
        // collar turned around the neck (rotation about y), possibly fitted reversed
        xyz[i] = (float) (gain * flip * (x * mountCos + z * mountSin));
        xyz[i + 1] = (float) (gain * flip * y);
        xyz[i + 2] = (float) (gain * (z * mountCos - x * mountSin));
    }

    private void posture(double pitch, double roll) {
        double cp = Math.cos(pitch);
        tx = Math.sin(roll) * cp;
        ty = Math.sin(pitch);
        tz = -Math.cos(roll) * cp;
    }

    private void rotateStep(double w) {
        double c = 1 - 0.5 * w * w;
        double s = w - w * w * w / 6;
        double nc = stepC * c - stepS * s;
        double ns = stepS * c + stepC * s;
        double norm = 1.5 - 0.5 * (nc * nc + ns * ns); // keeps the oscillator on the unit circle
        stepC = nc * norm;
        stepS = ns * norm;
    }

    private void rotateChew(double w) {
        double c = 1 - 0.5 * w * w;
        double s = w - w * w * w / 6;
        double nc = chewC * c - chewS * s;
        double ns = chewS * c + chewC * s;
        double norm = 1.5 - 0.5 * (nc * nc + ns * ns);
        chewC = nc * norm;
        chewS = ns * norm;
    }

    private void rotateSwing(double w) {
        double c = 1 - 0.5 * w * w;
        double s = w - w * w * w / 6;
        double nc = swingC * c - swingS * s;
        double ns = swingS * c + swingC * s;
        double norm = 1.5 - 0.5 * (nc * nc + ns * ns);
        swingC = nc * norm;
        swingS = ns * norm;
    }

    /**
     * Three independent two-pole resonators (one per axis) with unit output variance: white noise in,
     * noise concentrated around {@code hz} with bandwidth {@code bandwidthHz} out.
     */
    private static final class Resonator {
        double a1;
        double a2;
        double g;
        double x;
        double y;
        double z;
        private double x0;
        private double x1;
        private double y0;
        private double y1;
        private double z0;
        private double z1;
        private double tunedHz = Double.NaN;
        private double tunedBw = Double.NaN;
        private double tunedDt = Double.NaN;

        void tune(double hz, double bandwidthHz, double dt) {
            if (hz == tunedHz && bandwidthHz == tunedBw && dt == tunedDt) {
                return;
            }
            tunedHz = hz;
            tunedBw = bandwidthHz;
            tunedDt = dt;
            double nyquist = 0.5 / dt;
            double f = Math.min(hz, 0.9 * nyquist);
            double r = Math.exp(-Math.PI * bandwidthHz * dt);
            a1 = 2 * r * Math.cos(TWO_PI * f * dt);
            a2 = -r * r;
            // variance of y[n] = a1 y[n-1] + a2 y[n-2] + e[n] for unit white e
            double var = (1 - a2) / ((1 + a2) * ((1 - a2) * (1 - a2) - a1 * a1));
            g = 1 / Math.sqrt(var);
        }

        void step(double ex, double ey, double ez) {
            // state holds the un-scaled filter output; x,y,z expose it scaled to unit variance
            double nx = a1 * x1 + a2 * x0 + ex;
            x0 = x1;
            x1 = nx;
            double ny = a1 * y1 + a2 * y0 + ey;
            y0 = y1;
            y1 = ny;
            double nz = a1 * z1 + a2 * z0 + ez;
            z0 = z1;
            z1 = nz;
            x = g * nx;
            y = g * ny;
            z = g * nz;
        }
    }
}
