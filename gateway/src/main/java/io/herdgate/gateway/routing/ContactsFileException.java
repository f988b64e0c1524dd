package io.herdgate.gateway.routing;

import io.herdgate.rules.config.ConfigProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code contacts.yaml} could not be used; {@link #problems()} lists every error found, each naming
 * file:line:column, the field and what is allowed.
 */
public final class ContactsFileException extends RuntimeException {

    private final transient List<ConfigProblem> problems;

    public ContactsFileException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
