package io.herdgate.rules.config;

import io.herdgate.rules.audit.AuditRecord;
import java.util.List;

/** What a reload check did. */
public sealed interface Reload {

    /** The file did not change since the last check. */
    record Unchanged() implements Reload {
    }

    /** The file changed and is valid: the new rules are in force and {@code audit} was recorded. */
    record Applied(RulesConfig config, AuditRecord audit) implements Reload {
    }

    /** The file changed but is invalid: the previous rules stay in force. */
    record Rejected(List<ConfigProblem> problems) implements Reload {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
