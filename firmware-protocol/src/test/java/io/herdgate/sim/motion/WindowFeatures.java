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
 * @param roughness Σ|a(t) − a(t−1)|² / (2 Σ|a(t) − mean(a)|²): about 1 for white noise, near 0 for smooth
 *               slow movement, above 1 when the movement is mostly above a quarter of the sample rate
 * @param jawBand share of the dynamic power (per-axis periodograms summed) in 0.7..1.5 Hz, the band the
 *               gateway's classifier looks at for chewing, 0..1
 */
record WindowFeatures(double vedba, double sdX, double sdY, double sdZ, double domHz, double roughness,
                      double jawBand) {

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
        double jerk = 0;
        for (int i = 1; i < n; i++) {
            int k = 3 * (first + i);
            for (int a = 0; a < 3; a++) {
                double d = xyz[k + a] - xyz[k - 3 + a];
                jerk += d * d;
            }
        }
        double variance = vx + vy + vz;
        return new WindowFeatures(ved / n, Math.sqrt(vx / n), Math.sqrt(vy / n), Math.sqrt(vz / n),
                dominantHz(norm, normMean, rateHz), variance == 0 ? 0 : jerk / (2 * variance),
                jawBand(xyz, first, n, new double[] {mx, my, mz}, rateHz));
    }

    private static double jawBand(double[] xyz, int first, int n, double[] mean, double rateHz) {
        double in = 0;
        double all = 0;
        for (int k = 1; k <= n / 2; k++) {
            double hz = k * rateHz / n;
            double p = 0;
            for (int a = 0; a < 3; a++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < n; i++) {
                    double x = xyz[3 * (first + i) + a] - mean[a];
                    double ang = -2 * Math.PI * k * i / n;
                    re += x * Math.cos(ang);
                    im += x * Math.sin(ang);
                }
                p += re * re + im * im;
            }
            all += p;
            if (hz >= 0.7 && hz <= 1.5) {
                in += p;
            }
        }
        return all == 0 ? 0 : in / all;
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
            case ROUGHNESS -> roughness;
            case JAW_BAND -> jawBand;
        };
    }

    enum Feature { VEDBA, SD_X, SD_Y, SD_Z, DOM_HZ, ROUGHNESS, JAW_BAND }
}
