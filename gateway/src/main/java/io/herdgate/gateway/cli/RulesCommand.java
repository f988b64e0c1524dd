package io.herdgate.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code herdgate rules}: tools for the detection rules file. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Detection rules file tools (see RULES.md).",
        subcommands = {RulesCheckCommand.class, RulesDefaultsCommand.class})
public final class RulesCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
