package io.herdgate.rules.params;

import static io.herdgate.rules.params.ParameterCatalog.OFFLINE_AFTER_MIN;
import static io.herdgate.rules.params.ParameterCatalog.OFFLINE_ENABLED;
import static io.herdgate.rules.params.ParameterCatalog.OFFLINE_SEVERITY;

import io.herdgate.rules.alarm.Severity;
import java.util.Objects;

/**
 * Offline detector parameters; see {@link ParameterCatalog} ({@code offline.*}). The threshold is
 * itself the minimum duration; the alarm clears with the first observation that has data
 * (hysteresis: one observation), and a gap raises at most one alarm.
 */
public record OfflineParams(boolean enabled, Severity severity, double afterMin) {

    public OfflineParams {
        Objects.requireNonNull(severity, "severity");
        OFFLINE_AFTER_MIN.check(afterMin);
    }

    public static OfflineParams of(boolean enabled, Severity severity, double afterMin) {
        return new OfflineParams(enabled, severity, afterMin);
    }

    public static OfflineParams defaults() {
        return of(OFFLINE_ENABLED.defaultValue(), OFFLINE_SEVERITY.defaultValue(), OFFLINE_AFTER_MIN.defaultValue());
    }
}
