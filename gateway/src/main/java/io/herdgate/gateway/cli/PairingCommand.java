package io.herdgate.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code herdgate pairing}: the gateway's pairing mode, for fitting many collars in one go. */
@Command(name = "pairing", mixinStandardHelpOptions = true,
        description = "Pairing mode: load collar labels, then fit the collars; the gateway pairs each at its first join.",
        subcommands = {PairingOpenCommand.class, PairingStatusCommand.class, PairingCloseCommand.class})
public final class PairingCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
