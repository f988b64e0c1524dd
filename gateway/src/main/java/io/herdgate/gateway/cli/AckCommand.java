package io.herdgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code herdgate ack ID}: acknowledges (or resolves) an alarm in the running gateway. */
@Command(name = "ack",
        mixinStandardHelpOptions = true,
        description = {"Acknowledges an alarm: its repeats and escalations stop everywhere, for the alarms "
                + "sent together with it too.",
                "With --resolve, also declares it over (e.g. the collar is back on)."},
        footer = {"", "Examples:", "  herdgate ack 42", "  herdgate ack 42 --resolve --by anna"})
public final class AckCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GatewayOptions gateway;

    @Parameters(index = "0", paramLabel = "ID", description = "The alarm's id, as 'herdgate alarms' shows it.")
    long id;

    @Option(names = "--by", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Who acknowledges (default: your user name, ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--resolve", description = "Also declare the alarm over.")
    boolean resolve;

    @Override
    public Integer call() {
        if (id < 1) {
            return Installer.fail(spec, "alarm id must be a whole number >= 1, got " + id);
        }
        try {
            GatewayClient.Answer a = gateway.client().post("/api/alarms/" + id + (resolve ? "/resolve" : "/ack"),
                    GatewayClient.JSON.createObjectNode().put("by", by));
            if (!a.ok()) {
                return Installer.fail(spec, a.error());
            }
            JsonNode v = a.body().path("alarm");
            String what = "alarm " + id + " (" + v.path("type").asText() + ", cow " + v.path("cow").asText() + ")";
            spec.commandLine().getOut().println("already_acknowledged".equals(a.body().path("result").asText())
                    ? what + " was already acknowledged by " + v.path("acknowledged_by").asText() + "; nothing changed."
                    : what + (resolve ? " resolved" : " acknowledged") + " by " + by + "; no further messages.");
            return 0;
        } catch (GatewayClient.GatewayException e) {
            return Installer.fail(spec, e.getMessage());
        }
    }
}
