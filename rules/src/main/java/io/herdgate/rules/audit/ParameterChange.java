package io.herdgate.rules.audit;

import java.util.Optional;

/**
 * One parameter path whose setting changed.
 *
 * @param path   dotted path in the rules file, e.g. {@code groups.heifers.heat.rise_pct}
 * @param before the value set before, empty when it was not set (the level above applied)
 * @param after  the value set now, empty when the setting was removed
 */
public record ParameterChange(String path, Optional<String> before, Optional<String> after) {

    public static ParameterChange of(String path, Optional<String> before, Optional<String> after) {
        return new ParameterChange(path, before, after);
    }

    /** {@code herd.heat.rise_pct: 70 -> 80}, with {@code (unset)} for a missing side. */
    @Override
    public String toString() {
        return path + ": " + before.orElse("(unset)") + " -> " + after.orElse("(unset)");
    }
}
