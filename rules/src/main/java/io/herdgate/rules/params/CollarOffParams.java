package io.herdgate.rules.params;

import static io.herdgate.rules.params.ParameterCatalog.COLLAR_OFF_ENABLED;
import static io.herdgate.rules.params.ParameterCatalog.COLLAR_OFF_MAX_PITCH_CHANGE_DEG;
import static io.herdgate.rules.params.ParameterCatalog.COLLAR_OFF_MAX_VAR_G2;
import static io.herdgate.rules.params.ParameterCatalog.COLLAR_OFF_MIN_DURATION_MIN;
import static io.herdgate.rules.params.ParameterCatalog.COLLAR_OFF_REFRACTORY_MIN;
import static io.herdgate.rules.params.ParameterCatalog.COLLAR_OFF_SEVERITY;

import io.herdgate.rules.alarm.Severity;
import java.util.Objects;

/** Collar-off detector parameters; see {@link ParameterCatalog} ({@code collar_off.*}). */
public record CollarOffParams(boolean enabled, Severity severity, double maxVarG2, double maxPitchChangeDeg,
                              double minDurationMin, double refractoryMin) {

    public CollarOffParams {
        Objects.requireNonNull(severity, "severity");
        COLLAR_OFF_MAX_VAR_G2.check(maxVarG2);
        COLLAR_OFF_MAX_PITCH_CHANGE_DEG.check(maxPitchChangeDeg);
        COLLAR_OFF_MIN_DURATION_MIN.check(minDurationMin);
        COLLAR_OFF_REFRACTORY_MIN.check(refractoryMin);
    }

    public static CollarOffParams of(boolean enabled, Severity severity, double maxVarG2, double maxPitchChangeDeg,
                                     double minDurationMin, double refractoryMin) {
        return new CollarOffParams(enabled, severity, maxVarG2, maxPitchChangeDeg, minDurationMin, refractoryMin);
    }

    public static CollarOffParams defaults() {
        return of(COLLAR_OFF_ENABLED.defaultValue(), COLLAR_OFF_SEVERITY.defaultValue(),
                COLLAR_OFF_MAX_VAR_G2.defaultValue(), COLLAR_OFF_MAX_PITCH_CHANGE_DEG.defaultValue(),
                COLLAR_OFF_MIN_DURATION_MIN.defaultValue(), COLLAR_OFF_REFRACTORY_MIN.defaultValue());
    }
}
