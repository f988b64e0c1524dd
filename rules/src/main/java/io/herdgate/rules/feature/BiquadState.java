package io.herdgate.rules.feature;

/** Delay-line state of one second-order IIR section (last two inputs and outputs). */
public record BiquadState(double x1, double x2, double y1, double y2) {

    public static final BiquadState ZERO = new BiquadState(0, 0, 0, 0);

    public static BiquadState of(double x1, double x2, double y1, double y2) {
        return new BiquadState(x1, x2, y1, y2);
    }
}
