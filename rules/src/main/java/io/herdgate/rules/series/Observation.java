package io.herdgate.rules.series;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one cow's sensors reported for one interval {@code [start, start + length)}.
 *
 * <p>Every measure is a {@code double} where {@link Double#NaN} means "no value" (the sensor does not
 * measure it, or it was not delivered); the {@code ...IfPresent()} accessors give the same as
 * {@link OptionalDouble}. NaN rather than {@code OptionalDouble} fields keeps an observation a flat
 * value that the engine reads without unboxing (hundreds of millions per replayed year). An
 * observation whose every measure is missing ({@link #isEmpty()}) means "the collar delivered no data
 * for this interval" and is treated like a gap.
 *
 * @param cow           the cow
 * @param start         interval start (inclusive)
 * @param length        interval length, 1 min .. 1 day, a whole number of seconds
 * @param activity      movement count over the interval (collar-specific unit, e.g. SCR raw activity
 *                      per 2 h); compared only with the same cow's own history; ≥ 0
 * @param ruminationMin minutes ruminating within the interval, 0..length
 * @param lyingMin      minutes lying within the interval, 0..length
 * @param lyingBouts    lying bouts started within the interval, ≥ 0
 * @param steps         steps within the interval, ≥ 0
 * @param motionIndex   leg-sensor motion index over the interval (dimensionless), ≥ 0
 * @param accelVarG2    variance of the acceleration magnitude within the interval, in g²; a collar lying
 *                      on the ground shows only sensor noise (≈ 1e-6 g²); ≥ 0
 * @param pitchDeg      mean pitch of the collar over the interval, degrees, −90..90 (0 = sensor x axis
 *                      horizontal); with {@code accelVarG2} it feeds the collar-off detector
 * @param batteryMv     collar battery voltage at the end of the interval, millivolts, ≥ 0
 */
public record Observation(CowId cow, Instant start, Duration length,
                          double activity, double ruminationMin, double lyingMin, double lyingBouts,
                          double steps, double motionIndex, double accelVarG2, double pitchDeg,
                          double batteryMv) {

    public static final Duration MIN_LENGTH = Duration.ofMinutes(1);
    public static final Duration MAX_LENGTH = Duration.ofDays(1);

    public Observation {
        Objects.requireNonNull(cow, "cow");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        if (length.compareTo(MIN_LENGTH) < 0 || length.compareTo(MAX_LENGTH) > 0 || length.getNano() != 0) {
            throw new IllegalArgumentException("length must be whole seconds in 1 min..1 day: " + length);
        }
        double minutes = length.toSeconds() / 60.0;
        nonNegative("activity", activity);
        range("ruminationMin", ruminationMin, 0, minutes);
        range("lyingMin", lyingMin, 0, minutes);
        nonNegative("lyingBouts", lyingBouts);
        nonNegative("steps", steps);
        nonNegative("motionIndex", motionIndex);
        nonNegative("accelVarG2", accelVarG2);
        range("pitchDeg", pitchDeg, -90, 90);
        nonNegative("batteryMv", batteryMv);
    }

    /** An observation without any measure: the collar delivered nothing for this interval. */
    public static Observation empty(CowId cow, Instant start, Duration length) {
        return builder(cow, start, length).build();
    }

    public static Builder builder(CowId cow, Instant start, Duration length) {
        return new Builder(cow, start, length);
    }

    /** End of the interval (exclusive). */
    public Instant end() {
        return start.plus(length);
    }

    /** True when no measure is present. */
    public boolean isEmpty() {
        return Double.isNaN(activity) && Double.isNaN(ruminationMin) && Double.isNaN(lyingMin)
                && Double.isNaN(lyingBouts) && Double.isNaN(steps) && Double.isNaN(motionIndex)
                && Double.isNaN(accelVarG2) && Double.isNaN(pitchDeg) && Double.isNaN(batteryMv);
    }

    /** This observation with the battery voltage set (NaN = missing), every other measure kept. */
    public Observation withBatteryMv(double mv) {
        return new Observation(cow, start, length, activity, ruminationMin, lyingMin, lyingBouts, steps,
                motionIndex, accelVarG2, pitchDeg, mv);
    }

    /** This observation with the rumination minutes set (NaN = not measured), every other measure kept. */
    public Observation withRuminationMin(double min) {
        return new Observation(cow, start, length, activity, min, lyingMin, lyingBouts, steps,
                motionIndex, accelVarG2, pitchDeg, batteryMv);
    }

    public OptionalDouble activityIfPresent() {
        return opt(activity);
    }

    public OptionalDouble ruminationMinIfPresent() {
        return opt(ruminationMin);
    }

    public OptionalDouble lyingMinIfPresent() {
        return opt(lyingMin);
    }

    public OptionalDouble lyingBoutsIfPresent() {
        return opt(lyingBouts);
    }

    public OptionalDouble stepsIfPresent() {
        return opt(steps);
    }

    public OptionalDouble motionIndexIfPresent() {
        return opt(motionIndex);
    }

    public OptionalDouble accelVarG2IfPresent() {
        return opt(accelVarG2);
    }

    public OptionalDouble pitchDegIfPresent() {
        return opt(pitchDeg);
    }

    public OptionalDouble batteryMvIfPresent() {
        return opt(batteryMv);
    }

    private static OptionalDouble opt(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static void nonNegative(String field, double v) {
        range(field, v, 0, Double.MAX_VALUE);
    }

    private static void range(String field, double v, double min, double max) {
        if (!Double.isNaN(v) && !(v >= min && v <= max)) {
            throw new IllegalArgumentException(field + " out of " + min + ".." + max + ": " + v);
        }
    }

    /** Builds an observation; every measure not set stays missing. */
    public static final class Builder {
        private final CowId cow;
        private final Instant start;
        private final Duration length;
        private double activity = Double.NaN;
        private double ruminationMin = Double.NaN;
        private double lyingMin = Double.NaN;
        private double lyingBouts = Double.NaN;
        private double steps = Double.NaN;
        private double motionIndex = Double.NaN;
        private double accelVarG2 = Double.NaN;
        private double pitchDeg = Double.NaN;
        private double batteryMv = Double.NaN;

        private Builder(CowId cow, Instant start, Duration length) {
            this.cow = cow;
            this.start = start;
            this.length = length;
        }

        public Builder activity(double v) { activity = v; return this; }

        public Builder ruminationMin(double v) { ruminationMin = v; return this; }

        public Builder lyingMin(double v) { lyingMin = v; return this; }

        public Builder lyingBouts(double v) { lyingBouts = v; return this; }

        public Builder steps(double v) { steps = v; return this; }

        public Builder motionIndex(double v) { motionIndex = v; return this; }

        public Builder accelVarG2(double v) { accelVarG2 = v; return this; }

        public Builder pitchDeg(double v) { pitchDeg = v; return this; }

        public Builder batteryMv(double v) { batteryMv = v; return this; }

        public Observation build() {
            return new Observation(cow, start, length, activity, ruminationMin, lyingMin, lyingBouts,
                    steps, motionIndex, accelVarG2, pitchDeg, batteryMv);
        }
    }
}
