package io.herdgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herdgate.gateway.registry.KeyText;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herdgate pair}: puts a collar on a cow in the running gateway, which uses it from the next frame. */
@Command(name = "pair",
        mixinStandardHelpOptions = true,
        description = {
                "Puts a collar on a cow. The running gateway takes it at once: the collar may join and its data "
                        + "count for the cow from its next frame.",
                "A cow that wore another collar keeps her history and baseline; the old collar becomes spare.",
                "The key is needed only for a collar the gateway does not know yet (not loaded from labels). "
                        + "It is never printed; give '-' to type it on standard input instead of the command line."},
        footer = {"", "Examples:",
                "  herdgate pair --collar 70B3D5499A000001 --key 2B7E151628AED2A6ABF7158809CF4F3C --cow 7019",
                "  herdgate pair --collar 70B3D5499A000001 --key - --cow 7019",
                "  herdgate pair --collar 70B3D5499A000002 --cow 7019      (replaces the cow's collar)"})
public final class PairCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--collar", required = true, paramLabel = "EUI", converter = CollarArgs.Eui.class,
            description = "The collar's EUI from its label (16 hex digits).")
    CollarEui collar;

    @Option(names = "--key", paramLabel = "HEX|-",
            description = "The collar's root key from its label (" + KeyText.FORM + "), or - to read it from "
                    + "standard input.")
    String key;

    @Option(names = "--cow", required = true, paramLabel = "ID", converter = CollarArgs.Cow.class,
            description = "The cow, as the farm names her (ear tag or herd-book number).")
    CowId cow;

    /** Standard input; replaceable in tests. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws Exception {
        ObjectNode body = GatewayClient.JSON.createObjectNode().put("cow", cow.value());
        if (key != null) {
            String text = "-".equals(key) ? readKey() : key;
            try {
                KeyText.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--key': "
                        + e.getMessage());
            }
            body.put("key", text);
        }
        try {
            GatewayClient.Answer a = gateway.client().put("/api/collars/" + collar + "/pairing", body);
            if (!a.ok()) {
                return Installer.fail(spec, a.error());
            }
            spec.commandLine().getOut().println(describe(a.body()));
            return 0;
        } catch (GatewayClient.GatewayException e) {
            return Installer.fail(spec, e.getMessage());
        }
    }

    private String describe(JsonNode b) {
        if ("already_paired".equals(b.path("result").asText())) {
            return "Collar " + collar + " was already on cow " + cow + "; nothing changed.";
        }
        StringBuilder s = new StringBuilder("Collar " + collar + " is on cow " + cow + " now.");
        if (b.has("replaced")) {
            s.append(" It replaces collar ").append(b.get("replaced").asText())
                    .append(", which is spare now; cow ").append(cow).append(" keeps her history.");
        }
        if (b.has("moved_from")) {
            s.append(" Cow ").append(b.get("moved_from").asText()).append(" has no collar now.");
        }
        return s.toString();
    }

    private String readKey() throws IOException {
        if (System.console() != null && stdin == System.in) {
            char[] typed = System.console().readPassword("Root key of collar %s: ", collar);
            return typed == null ? "" : new String(typed);
        }
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }
}
