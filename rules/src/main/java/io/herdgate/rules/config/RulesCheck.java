package io.herdgate.rules.config;

import java.util.List;

/** The outcome of reading a rules file: a valid configuration, or every problem found. */
public sealed interface RulesCheck {

    record Valid(RulesConfig config) implements RulesCheck {
    }

    /** @param problems in file order, never empty */
    record Invalid(List<ConfigProblem> problems) implements RulesCheck {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
