package io.herdgate.rules.config;

import java.util.List;

/** A rules file needed at start-up is invalid; carries every problem. */
public final class RulesLoadException extends Exception {

    private final List<ConfigProblem> problems;

    public RulesLoadException(List<ConfigProblem> problems) {
        super(problems.size() + " error(s) in the rules file, first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
