package io.herdgate.rules.feature;

import java.util.OptionalDouble;

/** Running sums of one window; primitive fields only, so adding a sample never allocates. */
final class WindowAccumulator {

    private long startSample;
    private int count;
    private double sumVedba;
    private double sumVedbaSq;
    private double sumOdba;
    private double sumGx;
    private double sumGy;
    private double sumGz;
    private double meanX;
    private double meanY;
    private double meanZ;
    private double m2X;
    private double m2Y;
    private double m2Z;
    private double bandPower;
    private double dynamicPower;
    private int steps;
    private double g0x;
    private double g0y;
    private double g0z;
    private double minCos = 1;
    private double jerkPower;
    private double meanMagnitude;
    private double m2Magnitude;

    void reset(long firstSample) {
        restore(WindowState.EMPTY);
        startSample = firstSample;
    }

    int count() {
        return count;
    }

    /**
     * Adds one sample: raw {@code x,y,z} and gravity {@code gx,gy,gz} in milli-g, its VeDBA and ODBA in
     * milli-g, its band-passed and total dynamic power in milli-g², its squared change from the previous
     * sample in milli-g², and whether it counted a step.
     */
    void add(double x, double y, double z, double gx, double gy, double gz, double vedba, double odba,
             double band, double dynamic, double jerk, boolean step) {
        count++;
        sumVedba += vedba;
        sumVedbaSq += vedba * vedba;
        sumOdba += odba;
        sumGx += gx;
        sumGy += gy;
        sumGz += gz;
        // Welford: stable for a small variance on top of a 1000 mg mean.
        double dx = x - meanX;
        meanX += dx / count;
        m2X += dx * (x - meanX);
        double dy = y - meanY;
        meanY += dy / count;
        m2Y += dy * (y - meanY);
        double dz = z - meanZ;
        meanZ += dz / count;
        m2Z += dz * (z - meanZ);
        bandPower += band;
        dynamicPower += dynamic;
        jerkPower += jerk;
        // Welford again: |a| is about 1000 mg with a spread of a few mg when the cow is still.
        double magnitude = Math.sqrt(x * x + y * y + z * z);
        double dm = magnitude - meanMagnitude;
        meanMagnitude += dm / count;
        m2Magnitude += dm * (magnitude - meanMagnitude);
        if (step) {
            steps++;
        }
        double gn = Math.sqrt(gx * gx + gy * gy + gz * gz);
        if (gn > 0) {
            if (count == 1) {
                g0x = gx / gn;
                g0y = gy / gn;
                g0z = gz / gn;
            } else {
                minCos = Math.min(minCos, (gx * g0x + gy * g0y + gz * g0z) / gn);
            }
        }
    }

    WindowFeatures toFeatures(double periodS, boolean bandDefined) {
        double n = count;
        double mean = sumVedba / n;
        double var = Math.max(0, sumVedbaSq / n - mean * mean);
        OptionalDouble band = bandDefined
                ? OptionalDouble.of(dynamicPower > 0 ? Math.min(1, bandPower / dynamicPower) : 0)
                : OptionalDouble.empty();
        return WindowFeatures.of(startSample * periodS, count * periodS, count, mean, Math.sqrt(var),
                sumOdba / n, Axes.of(sumGx / n / 1000, sumGy / n / 1000, sumGz / n / 1000),
                Axes.of(m2X / n, m2Y / n, m2Z / n), band, steps,
                Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, minCos)))),
                dynamicPower > 0 ? jerkPower / (2 * dynamicPower) : 0, Math.sqrt(m2Magnitude / n));
    }

    WindowState state() {
        return new WindowState(startSample, count, sumVedba, sumVedbaSq, sumOdba, Axes.of(sumGx, sumGy, sumGz),
                Axes.of(meanX, meanY, meanZ), Axes.of(m2X, m2Y, m2Z), bandPower, dynamicPower, steps,
                Axes.of(g0x, g0y, g0z), minCos, jerkPower, meanMagnitude, m2Magnitude);
    }

    void restore(WindowState s) {
        startSample = s.startSample();
        count = s.count();
        sumVedba = s.sumVedba();
        sumVedbaSq = s.sumVedbaSq();
        sumOdba = s.sumOdba();
        sumGx = s.sumGravityMg().x();
        sumGy = s.sumGravityMg().y();
        sumGz = s.sumGravityMg().z();
        meanX = s.meanMg().x();
        meanY = s.meanMg().y();
        meanZ = s.meanMg().z();
        m2X = s.m2Mg2().x();
        m2Y = s.m2Mg2().y();
        m2Z = s.m2Mg2().z();
        bandPower = s.bandPower();
        dynamicPower = s.dynamicPower();
        steps = s.steps();
        g0x = s.firstGravityDir().x();
        g0y = s.firstGravityDir().y();
        g0z = s.firstGravityDir().z();
        minCos = s.minCos();
        jerkPower = s.jerkPower();
        meanMagnitude = s.meanMagnitudeMg();
        m2Magnitude = s.m2MagnitudeMg2();
    }
}
