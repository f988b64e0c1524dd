package io.herdgate.rules.alarm;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Why an alarm fired, in numbers a vet can check.
 *
 * @param measure   what was compared, e.g. {@code "activity_10h"}, {@code "still_min"}
 * @param value     the measure's value when the alarm was raised (or last updated)
 * @param baseline  what is normal for this cow at this time, same unit as {@code value}; empty for
 *                  detectors without a baseline (offline, cow down, collar off, battery)
 * @param threshold the value at which the alarm fires, same unit as {@code value}
 * @param duration  how long the condition has held when raised (or last updated)
 * @param features  further figures (name → value), in a stable order; immutable. Entries whose value
 *                  is not finite (not computed, e.g. no own baseline yet) are left out, so that every
 *                  figure can be written as a JSON number.
 */
public record Explanation(String measure, double value, OptionalDouble baseline, double threshold,
                          Duration duration, Map<String, Double> features) {

    public Explanation {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(duration, "duration");
        Map<String, Double> finite = new LinkedHashMap<>();
        features.forEach((k, v) -> {
            if (Double.isFinite(v)) {
                finite.put(k, v);
            }
        });
        features = Collections.unmodifiableMap(finite);
    }

    public static Explanation of(String measure, double value, OptionalDouble baseline, double threshold,
                                 Duration duration, Map<String, Double> features) {
        return new Explanation(measure, value, baseline, threshold, duration, features);
    }
}
