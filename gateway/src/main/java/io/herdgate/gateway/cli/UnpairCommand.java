package io.herdgate.gateway.cli;

import io.herdgate.protocol.frame.CollarEui;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herdgate unpair}: takes a collar off its cow in the running gateway. */
@Command(name = "unpair",
        mixinStandardHelpOptions = true,
        description = {
                "Takes a collar off its cow. The running gateway refuses the collar's frames from now on; the "
                        + "collar stays registered as spare (pair it again without its key).",
                "The cow keeps her history and baseline for her next collar."},
        footer = {"", "Example:", "  herdgate unpair --collar 70B3D5499A000001"})
public final class UnpairCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--collar", required = true, paramLabel = "EUI", converter = CollarArgs.Eui.class,
            description = "The collar's EUI (16 hex digits).")
    CollarEui collar;

    @Override
    public Integer call() {
        try {
            GatewayClient.Answer a = gateway.client().delete("/api/collars/" + collar + "/pairing");
            if (!a.ok()) {
                return Installer.fail(spec, a.error());
            }
            spec.commandLine().getOut().println("unpaired".equals(a.body().path("result").asText())
                    ? "Collar " + collar + " is off cow " + a.body().path("cow").asText() + " and spare now."
                    : "Collar " + collar + " was on no cow; nothing changed.");
            return 0;
        } catch (GatewayClient.GatewayException e) {
            return Installer.fail(spec, e.getMessage());
        }
    }
}
