package io.herdgate.gateway.config;

import io.herdgate.rules.config.ConfigProblem;
import java.util.List;

/** The outcome of reading {@code herdgate.yaml}: the configuration, or every problem found. */
public sealed interface ConfigCheck {

    record Valid(GatewayConfig config) implements ConfigCheck {
    }

    /** @param problems in file order, never empty */
    record Invalid(List<ConfigProblem> problems) implements ConfigCheck {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid configuration has at least one problem");
            }
        }
    }
}
