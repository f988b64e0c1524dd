package io.herdgate.gateway.store;

import io.herdgate.rules.series.Observation;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

/**
 * How each {@link Observation} measure is stored in {@code feature_minute}: as an integer, the value
 * times {@link #scale} rounded to nearest (SQLite stores small integers in 1..4 bytes, a REAL in 8).
 * The resolution is therefore {@code 1 / scale} of the measure's unit; NaN (missing) is NULL.
 */
enum FeatureColumn {
    ACTIVITY("activity_c", 100, Observation::activity, Observation.Builder::activity),
    RUMINATION("rumination_s", 60, Observation::ruminationMin, Observation.Builder::ruminationMin),
    LYING("lying_s", 60, Observation::lyingMin, Observation.Builder::lyingMin),
    LYING_BOUTS("lying_bouts", 1, Observation::lyingBouts, Observation.Builder::lyingBouts),
    STEPS("steps", 1, Observation::steps, Observation.Builder::steps),
    MOTION_INDEX("motion_index_c", 100, Observation::motionIndex, Observation.Builder::motionIndex),
    ACCEL_VAR("accel_var_ng2", 1e9, Observation::accelVarG2, Observation.Builder::accelVarG2),
    PITCH("pitch_cdeg", 100, Observation::pitchDeg, Observation.Builder::pitchDeg),
    BATTERY("battery_mv", 1, Observation::batteryMv, Observation.Builder::batteryMv);

    private final String column;
    private final double scale;
    private final ToDoubleFunction<Observation> get;
    private final BiConsumer<Observation.Builder, Double> set;

    FeatureColumn(String column, double scale, ToDoubleFunction<Observation> get,
                  BiConsumer<Observation.Builder, Double> set) {
        this.column = column;
        this.scale = scale;
        this.get = get;
        this.set = set;
    }

    String column() {
        return column;
    }

    /** The stored integer, empty for a missing measure. */
    OptionalLong stored(Observation o) {
        double v = get.applyAsDouble(o);
        return Double.isNaN(v) ? OptionalLong.empty() : OptionalLong.of(Math.round(v * scale));
    }

    /** Sets the measure from its stored integer. */
    void restore(Observation.Builder b, long stored) {
        set.accept(b, stored / scale);
    }
}
