package io.herdgate.rules.feature;

/** Unit of incoming acceleration samples; features are computed in g internally. */
public enum Unit {
    /** Metres per second squared; converted with standard gravity {@value #STANDARD_GRAVITY} m/s² per g. */
    MS2,
    /** Multiples of standard gravity. */
    G;

    /** Standard gravity in m/s² (CGPM 1901). */
    public static final double STANDARD_GRAVITY = 9.80665;

    /** Factor that turns a value in this unit into g. */
    public double toG() {
        return switch (this) {
            case MS2 -> 1.0 / STANDARD_GRAVITY;
            case G -> 1.0;
        };
    }
}
