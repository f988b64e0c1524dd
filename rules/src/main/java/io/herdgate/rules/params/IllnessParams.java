package io.herdgate.rules.params;

import static io.herdgate.rules.params.ParameterCatalog.ILLNESS_CLEAR_PCT;
import static io.herdgate.rules.params.ParameterCatalog.ILLNESS_DROP_PCT;
import static io.herdgate.rules.params.ParameterCatalog.ILLNESS_ENABLED;
import static io.herdgate.rules.params.ParameterCatalog.ILLNESS_MIN_DURATION_H;
import static io.herdgate.rules.params.ParameterCatalog.ILLNESS_REFRACTORY_H;
import static io.herdgate.rules.params.ParameterCatalog.ILLNESS_SEVERITY;
import static io.herdgate.rules.params.ParameterCatalog.ILLNESS_WINDOW_H;

import io.herdgate.rules.alarm.Severity;
import java.util.Objects;

/**
 * Illness detector parameters; see {@link ParameterCatalog} ({@code illness.*}).
 * {@code clearPct} must not exceed {@code dropPct}.
 */
public record IllnessParams(boolean enabled, Severity severity, int windowHours, double dropPct, double clearPct,
                            double minDurationHours, double refractoryHours) {

    public IllnessParams {
        Objects.requireNonNull(severity, "severity");
        ILLNESS_WINDOW_H.checkInt(windowHours);
        ILLNESS_DROP_PCT.check(dropPct);
        ILLNESS_CLEAR_PCT.check(clearPct);
        ILLNESS_MIN_DURATION_H.check(minDurationHours);
        ILLNESS_REFRACTORY_H.check(refractoryHours);
        if (clearPct > dropPct) {
            throw new InvalidParameterException(ILLNESS_CLEAR_PCT.key(), Double.toString(clearPct),
                    "at most illness.drop_pct (" + dropPct + ")");
        }
    }

    public static IllnessParams of(boolean enabled, Severity severity, int windowHours, double dropPct,
                                   double clearPct, double minDurationHours, double refractoryHours) {
        return new IllnessParams(enabled, severity, windowHours, dropPct, clearPct, minDurationHours, refractoryHours);
    }

    public static IllnessParams defaults() {
        return of(ILLNESS_ENABLED.defaultValue(), ILLNESS_SEVERITY.defaultValue(), (int) ILLNESS_WINDOW_H.defaultValue(),
                ILLNESS_DROP_PCT.defaultValue(), ILLNESS_CLEAR_PCT.defaultValue(),
                ILLNESS_MIN_DURATION_H.defaultValue(), ILLNESS_REFRACTORY_H.defaultValue());
    }
}
