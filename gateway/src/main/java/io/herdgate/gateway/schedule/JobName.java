package io.herdgate.gateway.schedule;

import java.util.Objects;

/** A scheduled job's name, unique in its scheduler, e.g. {@code daily-summary} or {@code escalate/alarm-42}. */
public record JobName(String value) {

    public JobName {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("a job name is 1..200 characters, got '" + value + "'");
        }
    }

    public static JobName of(String value) {
        return new JobName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
