package io.herdgate.gateway.health;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The one-word verdict of {@code /health}. */
public enum HealthStatus {
    /** Everything configured is working. */
    OK,
    /** Running, but something needs attention (the report's reasons say what). */
    DEGRADED,
    /** Still opening the store, links or channels; alarms are not yet being raised. */
    STARTING;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
