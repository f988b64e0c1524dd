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
     * Taking this as a gravity vector: elevation of the sensor x axis above the horizontal plane,
     * {@code asin(x / |v|)} in degrees −90..90 (positive when x points up); 0 for the zero vector.
     */
    public double pitchDeg() {
        double n = norm();
        return n == 0 ? 0 : Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, x / n))));
    }

    /** Taking this as a gravity vector: rotation about the sensor x axis, {@code atan2(y, z)} in degrees −180..180. */
    public double rollDeg() {
        return Math.toDegrees(Math.atan2(y, z));
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
