package io.herdgate.gateway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code herdgate pairing close}: ends the pairing mode before its time. */
@Command(name = "close", mixinStandardHelpOptions = true,
        description = "Closes the pairing mode: collars not yet joined can no longer join until paired by hand.")
public final class PairingCloseCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GatewayOptions gateway;

    @Override
    public Integer call() {
        try {
            GatewayClient.Answer a = gateway.client().delete("/api/pairing-mode");
            if (!a.ok()) {
                return Installer.fail(spec, a.error());
            }
            spec.commandLine().getOut().println("Pairing mode closed. As it stood:");
            PairingStatusCommand.print(((ObjectNode) a.body()).put("open", false), spec.commandLine().getOut());
            return 0;
        } catch (GatewayClient.GatewayException e) {
            return Installer.fail(spec, e.getMessage());
        }
    }
}
