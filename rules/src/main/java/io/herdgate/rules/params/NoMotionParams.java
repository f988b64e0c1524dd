package io.herdgate.rules.params;

import static io.herdgate.rules.params.ParameterCatalog.NO_MOTION_ENABLED;
import static io.herdgate.rules.params.ParameterCatalog.NO_MOTION_MIN_DURATION_MIN;
import static io.herdgate.rules.params.ParameterCatalog.NO_MOTION_REFRACTORY_MIN;
import static io.herdgate.rules.params.ParameterCatalog.NO_MOTION_SEVERITY;
import static io.herdgate.rules.params.ParameterCatalog.NO_MOTION_STILL_LEVEL;

import io.herdgate.rules.alarm.Severity;
import java.util.Objects;

/** Cow-down (no motion) detector parameters; see {@link ParameterCatalog} ({@code no_motion.*}). */
public record NoMotionParams(boolean enabled, Severity severity, double stillLevel, double minDurationMin,
                             double refractoryMin) {

    public NoMotionParams {
        Objects.requireNonNull(severity, "severity");
        NO_MOTION_STILL_LEVEL.check(stillLevel);
        NO_MOTION_MIN_DURATION_MIN.check(minDurationMin);
        NO_MOTION_REFRACTORY_MIN.check(refractoryMin);
    }

    public static NoMotionParams of(boolean enabled, Severity severity, double stillLevel, double minDurationMin,
                                    double refractoryMin) {
        return new NoMotionParams(enabled, severity, stillLevel, minDurationMin, refractoryMin);
    }

    public static NoMotionParams defaults() {
        return of(NO_MOTION_ENABLED.defaultValue(), NO_MOTION_SEVERITY.defaultValue(),
                NO_MOTION_STILL_LEVEL.defaultValue(), NO_MOTION_MIN_DURATION_MIN.defaultValue(),
                NO_MOTION_REFRACTORY_MIN.defaultValue());
    }
}
