package io.herdgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herdgate.gateway.registry.CollarLabel;
import io.herdgate.gateway.registry.CollarRegistry;
import io.herdgate.gateway.registry.LabelError;
import io.herdgate.gateway.registry.LabelFile;
import io.herdgate.rules.series.CowId;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herdgate pairing open}: loads collar labels into the running gateway and opens the pairing mode. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = {
                "Loads collar labels (CSV eui,key[,cow], as printed on the collar or its QR code) into the running "
                        + "gateway and opens the pairing mode for a while.",
                "While it is open, a labelled collar that is on no cow may join; it is paired with the cow on its "
                        + "label or, if the label names none, with the next cow of --cows (fit the collars in that order).",
                "Bad lines are reported with file:line and field and skipped; the good lines still load. Keys are "
                        + "never printed."},
        footer = {"", "Examples:",
                "  herdgate pairing open --labels box3.csv --cows 7019,7020,7021 --for 30m",
                "  herdgate pairing open --labels fitted.csv        (each line names its cow)"})
public final class PairingOpenCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--labels", required = true, paramLabel = "FILE",
            description = "CSV of collar labels: eui,key[,cow] per line; # comments and a header line allowed.")
    Path labels;

    @Option(names = "--cows", split = ",", paramLabel = "ID", converter = CollarArgs.Cow.class,
            description = "Cows for labels without a cow, in the order the collars will be fitted.")
    List<CowId> cows = List.of();

    @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30m",
            description = "How long the mode stays open, 1m..12h (default ${DEFAULT-VALUE}).")
    Duration window;

    @Override
    public Integer call() {
        if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(CollarRegistry.MAX_PAIRING_WINDOW) > 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--for': 1m..12h expected, got " + window.toMinutes() + " min");
        }
        LabelFile.Result file;
        try {
            file = LabelFile.read(labels);
        } catch (IOException e) {
            return Installer.fail(spec, "cannot read " + labels + ": " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        for (LabelError e : file.errors()) {
            err.println(e);
        }
        err.flush();
        if (file.labels().isEmpty()) {
            return Installer.fail(spec, labels + ": no usable label; expected lines eui,key[,cow]");
        }
        ObjectNode body = GatewayClient.JSON.createObjectNode().put("minutes", window.toMinutes());
        ArrayNode ls = body.putArray("labels");
        for (CollarLabel l : file.labels()) {
            ObjectNode n = ls.addObject().put("eui", l.eui().toString()).put("key", l.key().toHex());
            l.cow().ifPresent(c -> n.put("cow", c.value()));
        }
        ArrayNode cs = body.putArray("cows");
        cows.forEach(c -> cs.add(c.value()));
        try {
            GatewayClient.Answer a = gateway.client().post("/api/pairing-mode", body);
            if (!a.ok()) {
                return Installer.fail(spec, a.error());
            }
            for (JsonNode r : a.body().path("refused")) {
                err.println(labels + ": collar " + r.path("eui").asText() + " not loaded: " + r.path("reason").asText());
            }
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.println("Pairing mode open until " + a.body().path("open_until").asText() + " with "
                    + a.body().path("not_joined").size() + " collar(s) waiting to join"
                    + (a.body().path("cows_left").isEmpty() ? "." : " and " + a.body().path("cows_left").size()
                    + " cow(s) in line."));
            out.println("Switch the collars on as you fit them; follow with: herdgate pairing status");
            out.flush();
            return file.errors().isEmpty() && a.body().path("refused").isEmpty() ? 0 : 2;
        } catch (GatewayClient.GatewayException e) {
            return Installer.fail(spec, e.getMessage());
        }
    }
}
