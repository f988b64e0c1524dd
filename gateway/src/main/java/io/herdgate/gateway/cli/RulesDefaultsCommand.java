package io.herdgate.gateway.cli;

import io.herdgate.rules.config.RulesFile;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code herdgate rules defaults}: prints the shipped, commented rules file as a starting point. */
@Command(name = "defaults", mixinStandardHelpOptions = true,
        description = "Print the shipped rules file (every parameter, its unit, range and default).")
public final class RulesDefaultsCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(RulesFile.defaultText());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
