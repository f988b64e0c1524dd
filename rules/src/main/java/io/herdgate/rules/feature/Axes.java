package io.herdgate.rules.feature;

/**
 * Three values, one per accelerometer axis, in the collar's body frame (x, y, z as the sensor labels
 * them). The unit is given where the value is used.
 */
public record Axes(double x, double y, double z) {

    public static Axes of(double x, double y, double z) {
        return new Axes(x, y, z);
    }

    /** Euclidean length. */
    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** Sum of the three values. */
    public double sum() {
        return x + y + z;
    }

    /**
     * Angle between this and {@code other} as directions, in degrees 0..180; 0 when either is the zero
     * vector (no direction to compare).
     */
    public double angleDeg(Axes other) {
        double n = norm() * other.norm();
        if (n == 0) {
            return 0;
        }
        double cos = (x * other.x + y * other.y + z * other.z) / n;
        return Math.toDegrees(Math.acos(Math.max(-1.0, Math.min(1.0, cos))));
    }
}
