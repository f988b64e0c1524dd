package io.herdgate.sim.motion;

/**
 * Activity features of one window of 3-axis samples (m/s² or g, the unit carries through).
 *
 * @param vedba  mean over the window of |a - mean(a)|: vector norm of the dynamic acceleration, the
 *               window mean standing in for the low-pass gravity estimate
 * @param sdX    standard deviation of x
 * @param sdY    standard deviation of y
 * @param sdZ    standard deviation of z
 * @param domHz  frequency of the largest peak of the Hann-windowed spectrum of |a| in 0.3 Hz..Nyquist
 */
record WindowFeatures(double vedba, double sdX, double sdY, double sdZ, double domHz) {

    /** Features of {@code n} samples starting at sample {@code first} of interleaved {@code xyz}. */
    static WindowFeatures of(double[] xyz, int first, int n, double rateHz) {
        double mx = 0;
        double my = 0;
        double mz = 0;
        for (int i = 0; i < n; i++) {
            int k = 3 * (first + i);
            mx += xyz[k];
            my += xyz[k + 1];
            mz += xyz[k + 2];
        }
        mx /= n;
        my /= n;
        mz /= n;
        double ved = 0;
        double vx = 0;
        double vy = 0;
        double vz = 0;
        double[] norm = new double[n];
        double normMean = 0;
        for (int i = 0; i < n; i++) {
            int k = 3 * (first + i);
            double dx = xyz[k] - mx;
            double dy = xyz[k + 1] - my;
            double dz = xyz[k + 2] - mz;
            ved += Math.sqrt(dx * dx + dy * dy + dz * dz);
            vx += dx * dx;
            vy += dy * dy;
            vz += dz * dz;
            norm[i] = Math.sqrt(xyz[k] * xyz[k] + xyz[k + 1] * xyz[k + 1] + xyz[k + 2] * xyz[k + 2]);
            normMean += norm[i];
        }
        normMean /= n;
        return new WindowFeatures(ved / n, Math.sqrt(vx / n), Math.sqrt(vy / n), Math.sqrt(vz / n),
                dominantHz(norm, normMean, rateHz));
    }

    private static double dominantHz(double[] v, double mean, double rateHz) {
        int n = v.length;
        int firstBin = (int) Math.ceil(0.3 * n / rateHz);
        double best = -1;
        int bestBin = firstBin;
        for (int k = firstBin; k <= n / 2; k++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
                double a = -2 * Math.PI * k * i / n;
                double x = (v[i] - mean) * w;
                re += x * Math.cos(a);
                im += x * Math.sin(a);
            }
            double p = re * re + im * im;
            if (p > best) {
                best = p;
                bestBin = k;
            }
        }
        return bestBin * rateHz / n;
    }

    /** The named feature, for tables. */
    double get(Feature f) {
        return switch (f) {
            case VEDBA -> vedba;
            case SD_X -> sdX;
            case SD_Y -> sdY;
            case SD_Z -> sdZ;
            case DOM_HZ -> domHz;
        };
    }

    enum Feature { VEDBA, SD_X, SD_Y, SD_Z, DOM_HZ }
}
