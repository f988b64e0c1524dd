package io.herdgate.rules.feature;

/**
 * Second-order band-pass (RBJ audio-EQ cookbook, constant 0 dB peak gain), direct form I. Mutable,
 * one per signal.
 */
final class BandPass {

    private final double b0;
    private final double b2;
    private final double a1;
    private final double a2;
    private double x1;
    private double x2;
    private double y1;
    private double y2;

    /** Pass band {@code lowHz..highHz} at sample rate {@code rateHz}; needs highHz below rateHz / 2. */
    BandPass(double lowHz, double highHz, double rateHz) {
        double f0 = Math.sqrt(lowHz * highHz);
        double q = f0 / (highHz - lowHz);
        double w0 = 2 * Math.PI * f0 / rateHz;
        double alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        b0 = alpha / a0;
        b2 = -alpha / a0;
        a1 = -2 * Math.cos(w0) / a0;
        a2 = (1 - alpha) / a0;
    }

    double filter(double x) {
        double y = b0 * x + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }

    BiquadState state() {
        return BiquadState.of(x1, x2, y1, y2);
    }

    void restore(BiquadState s) {
        x1 = s.x1();
        x2 = s.x2();
        y1 = s.y1();
        y2 = s.y2();
    }
}
