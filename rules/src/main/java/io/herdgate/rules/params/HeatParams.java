package io.herdgate.rules.params;

import static io.herdgate.rules.params.ParameterCatalog.HEAT_CLEAR_PCT;
import static io.herdgate.rules.params.ParameterCatalog.HEAT_CYCLE_D;
import static io.herdgate.rules.params.ParameterCatalog.HEAT_ENABLED;
import static io.herdgate.rules.params.ParameterCatalog.HEAT_MIN_DURATION_MIN;
import static io.herdgate.rules.params.ParameterCatalog.HEAT_REFRACTORY_H;
import static io.herdgate.rules.params.ParameterCatalog.HEAT_RISE_PCT;
import static io.herdgate.rules.params.ParameterCatalog.HEAT_SEVERITY;
import static io.herdgate.rules.params.ParameterCatalog.HEAT_WARMUP_PCT;
import static io.herdgate.rules.params.ParameterCatalog.HEAT_WINDOW_H;

import io.herdgate.rules.alarm.Severity;
import java.util.Objects;

/**
 * Heat detector parameters; see {@link ParameterCatalog} ({@code heat.*}) for units and ranges.
 * {@code clearPct} must not exceed {@code risePct}.
 */
public record HeatParams(boolean enabled, Severity severity, int windowHours, double risePct, double warmupPct,
                         double clearPct, double minDurationMin, double refractoryHours, double cycleDays) {

    public HeatParams {
        Objects.requireNonNull(severity, "severity");
        HEAT_WINDOW_H.checkInt(windowHours);
        HEAT_RISE_PCT.check(risePct);
        HEAT_WARMUP_PCT.check(warmupPct);
        HEAT_CLEAR_PCT.check(clearPct);
        HEAT_MIN_DURATION_MIN.check(minDurationMin);
        HEAT_REFRACTORY_H.check(refractoryHours);
        HEAT_CYCLE_D.check(cycleDays);
        if (clearPct > risePct) {
            throw new InvalidParameterException(HEAT_CLEAR_PCT.key(), Double.toString(clearPct),
                    "at most heat.rise_pct (" + risePct + ")");
        }
    }

    public static HeatParams of(boolean enabled, Severity severity, int windowHours, double risePct,
                                double warmupPct, double clearPct, double minDurationMin, double refractoryHours,
                                double cycleDays) {
        return new HeatParams(enabled, severity, windowHours, risePct, warmupPct, clearPct, minDurationMin,
                refractoryHours, cycleDays);
    }

    /**
     * The rise (%) that raises a heat when the own baseline rests on {@code ownDays} of {@code baselineDays}
     * days: {@code risePct} plus {@code warmupPct} scaled down linearly to 0 at {@code baselineDays}.
     */
    public double risePctAt(double ownDays, int baselineDays) {
        return risePct + warmupPct * Math.max(0, 1 - ownDays / baselineDays);
    }

    public static HeatParams defaults() {
        return of(HEAT_ENABLED.defaultValue(), HEAT_SEVERITY.defaultValue(), (int) HEAT_WINDOW_H.defaultValue(),
                HEAT_RISE_PCT.defaultValue(), HEAT_WARMUP_PCT.defaultValue(), HEAT_CLEAR_PCT.defaultValue(),
                HEAT_MIN_DURATION_MIN.defaultValue(), HEAT_REFRACTORY_H.defaultValue(), HEAT_CYCLE_D.defaultValue());
    }
}
