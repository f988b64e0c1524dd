package io.herdgate.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code herdgate config}: tools for the gateway's configuration file. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Gateway configuration file (herdgate.yaml) tools.",
        subcommands = {ConfigCheckCommand.class, ConfigExampleCommand.class})
public final class ConfigCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
