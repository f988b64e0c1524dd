package io.herdgate.rules.behaviour.training;

/**
 * Fits a multinomial logistic regression by full-batch gradient descent on standardised features, with
 * an L2 penalty and per-window weights. Deterministic: no random initialisation or shuffling, and
 * {@link StrictMath#exp} rather than a platform intrinsic, so the same data give bit-identical parameters
 * on every JVM.
 *
 * @param l2           penalty on the weights (not the biases)
 * @param iterations   gradient steps
 * @param learningRate step size
 */
record SoftmaxTrainer(double l2, int iterations, double learningRate) {

    /** The settings the shipped classifier is trained with (unchanged since classifier-v1). */
    static final SoftmaxTrainer SHIPPED = new SoftmaxTrainer(0.01, 1000, 1.0);

    /** Fitted parameters; arrays are owned by the caller. */
    record Fit(double[] mean, double[] scale, double[][] weights, double[] bias) {
    }

    /**
     * @param x       windows × features
     * @param y       class index per window, 0..classes−1
     * @param weight  weight per window, &gt; 0
     */
    Fit fit(double[][] x, int[] y, double[] weight, int classes) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            // A constant feature carries no information; scale 1 keeps it finite.
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double totalWeight = 0;
        for (double w : weight) {
            totalWeight += w;
        }
        double[][] w = new double[classes][d];
        double[] b = new double[classes];
        double[][] gw = new double[classes][d];
        double[] gb = new double[classes];
        double[] s = new double[classes];
        for (int it = 0; it < iterations; it++) {
            for (double[] row : gw) {
                java.util.Arrays.fill(row, 0);
            }
            java.util.Arrays.fill(gb, 0);
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    double v = b[k];
                    for (int j = 0; j < d; j++) {
                        v += w[k][j] * z[i][j];
                    }
                    s[k] = v;
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    s[k] = StrictMath.exp(s[k] - max);
                    sum += s[k];
                }
                for (int k = 0; k < classes; k++) {
                    double g = weight[i] * (s[k] / sum - (y[i] == k ? 1 : 0));
                    gb[k] += g;
                    for (int j = 0; j < d; j++) {
                        gw[k][j] += g * z[i][j];
                    }
                }
            }
            for (int k = 0; k < classes; k++) {
                b[k] -= learningRate * gb[k] / totalWeight;
                for (int j = 0; j < d; j++) {
                    w[k][j] -= learningRate * (gw[k][j] / totalWeight + l2 * w[k][j]);
                }
            }
        }
        return new Fit(mean, scale, w, b);
    }
}
