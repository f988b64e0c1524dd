package io.herdgate.rules.params;

import io.herdgate.rules.series.CowId;
import java.util.Objects;

/**
 * Resolves the rule set of each cow (herd defaults, then group, then cow overrides: how is up to the
 * implementation). The engine asks once per cow when it first sees her and again after
 * {@code DetectionEngine.updateRules}; implementations must be pure (same cow, same answer).
 */
@FunctionalInterface
public interface Rules {

    RuleSet forCow(CowId cow);

    /** The same rule set for every cow. */
    static Rules uniform(RuleSet ruleSet) {
        Objects.requireNonNull(ruleSet, "ruleSet");
        return cow -> ruleSet;
    }

    /** The shipped defaults for every cow. */
    static Rules defaults() {
        return uniform(RuleSet.defaults());
    }
}
