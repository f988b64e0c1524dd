package io.herdgate.rules.params;

import static io.herdgate.rules.params.ParameterCatalog.BATTERY_CLEAR_MV;
import static io.herdgate.rules.params.ParameterCatalog.BATTERY_ENABLED;
import static io.herdgate.rules.params.ParameterCatalog.BATTERY_LOW_MV;
import static io.herdgate.rules.params.ParameterCatalog.BATTERY_MIN_READINGS;
import static io.herdgate.rules.params.ParameterCatalog.BATTERY_SEVERITY;

import io.herdgate.rules.alarm.Severity;
import java.util.Objects;

/** Low-battery detector parameters; see {@link ParameterCatalog} ({@code battery.*}). */
public record BatteryParams(boolean enabled, Severity severity, double lowMv, double clearMv, int minReadings) {

    public BatteryParams {
        Objects.requireNonNull(severity, "severity");
        BATTERY_LOW_MV.check(lowMv);
        BATTERY_CLEAR_MV.check(clearMv);
        BATTERY_MIN_READINGS.checkInt(minReadings);
    }

    public static BatteryParams of(boolean enabled, Severity severity, double lowMv, double clearMv, int minReadings) {
        return new BatteryParams(enabled, severity, lowMv, clearMv, minReadings);
    }

    public static BatteryParams defaults() {
        return of(BATTERY_ENABLED.defaultValue(), BATTERY_SEVERITY.defaultValue(), BATTERY_LOW_MV.defaultValue(),
                BATTERY_CLEAR_MV.defaultValue(), (int) BATTERY_MIN_READINGS.defaultValue());
    }
}
