package io.herdgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code herdgate pairing status}: what the pairing mode has done so far. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the pairing mode: collars paired so far, collars still to join, cows still waiting.")
public final class PairingStatusCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GatewayOptions gateway;

    @Override
    public Integer call() {
        try {
            GatewayClient.Answer a = gateway.client().get("/api/pairing-mode");
            if (!a.ok()) {
                return Installer.fail(spec, a.error());
            }
            print(a.body(), spec.commandLine().getOut());
            return 0;
        } catch (GatewayClient.GatewayException e) {
            return Installer.fail(spec, e.getMessage());
        }
    }

    /** Prints a pairing-mode answer of the API for the installer. */
    static void print(JsonNode s, PrintWriter out) {
        out.println(s.path("open").asBoolean() ? "Pairing mode open until " + s.path("open_until").asText() + "."
                : "Pairing mode closed.");
        for (JsonNode a : s.path("admitted")) {
            out.println("  paired   " + a.path("eui").asText() + "  cow " + a.path("cow").asText() + "  at "
                    + a.path("at").asText());
        }
        for (JsonNode e : s.path("not_joined")) {
            boolean noCow = false;
            for (JsonNode n : s.path("no_cow")) {
                noCow |= n.asText().equals(e.asText());
            }
            out.println("  waiting  " + e.asText() + (noCow ? "  asked to join but no cow is left: herdgate pair --collar "
                    + e.asText() + " --cow ID" : ""));
        }
        if (!s.path("cows_left").isEmpty()) {
            StringBuilder cows = new StringBuilder();
            s.path("cows_left").forEach(c -> cows.append(cows.length() == 0 ? "" : ", ").append(c.asText()));
            out.println("  cows still without a collar, in order: " + cows);
        }
        out.flush();
    }
}
