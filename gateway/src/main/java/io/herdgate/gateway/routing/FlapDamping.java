package io.herdgate.gateway.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * When an alarm of one cow and type is raised more than {@code maxRaises} times within {@code window},
 * it is flapping: a further raise goes out only if the alarm is still active {@code hold} later.
 * Critical alarms are never held.
 */
public record FlapDamping(int maxRaises, Duration window, Duration hold) {

    public FlapDamping {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(hold, "hold");
        if (maxRaises < 1 || maxRaises > 100) {
            throw new IllegalArgumentException("flap-damping max-raises must be 1..100: " + maxRaises);
        }
        if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("flap-damping window must be 1 min..7 days: " + window);
        }
        if (hold.isNegative() || hold.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("flap-damping hold must be 0..1 day: " + hold);
        }
    }

    public static FlapDamping of(int maxRaises, Duration window, Duration hold) {
        return new FlapDamping(maxRaises, window, hold);
    }

    /** Three raises in 6 h are normal; the fourth waits 30 min. */
    public static FlapDamping defaults() {
        return of(3, Duration.ofHours(6), Duration.ofMinutes(30));
    }
}
