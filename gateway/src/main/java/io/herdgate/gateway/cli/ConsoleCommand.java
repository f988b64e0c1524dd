package io.herdgate.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code herdgate console}: the web console's administration. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Web console administration (the page at /console).",
        subcommands = {ConsolePasswdCommand.class})
public final class ConsoleCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
