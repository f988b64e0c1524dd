package io.herdgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herdgate alarms}: the running gateway's alarms, newest first. */
@Command(name = "alarms",
        mixinStandardHelpOptions = true,
        description = {"Lists the running gateway's active alarms (newest first) and any gateway problem.",
                "STATE is active, acknowledged, cleared or cleared-acknowledged; NEXT is when the next "
                        + "repeat or escalation goes out."},
        footer = {"", "Examples:", "  herdgate alarms", "  herdgate alarms --all --json"})
public final class AlarmsCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--all", description = "Also alarms cleared since the gateway started.")
    boolean all;

    @Option(names = "--json", description = "Print the API's JSON as it is.")
    boolean json;

    @Override
    public Integer call() {
        try {
            GatewayClient.Answer a = gateway.client().get("/api/alarms" + (all ? "?all=true" : ""));
            if (!a.ok()) {
                return Installer.fail(spec, a.error());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(a.body().toPrettyString());
                return 0;
            }
            for (JsonNode p : a.body().path("problems")) {
                out.println("GATEWAY PROBLEM: " + p.path("problem").asText() + " since " + p.path("since").asText());
            }
            JsonNode alarms = a.body().path("alarms");
            if (alarms.isEmpty()) {
                out.println(all ? "No alarms." : "No active alarms.");
                return 0;
            }
            String format = "%-6s %-10s %-11s %-9s %-20s %-21s %-20s %s%n";
            out.printf(format, "ID", "COW", "TYPE", "SEVERITY", "RAISED", "STATE", "NEXT", "NOTE");
            for (JsonNode v : alarms) {
                String state = v.path("state").asText()
                        + (v.has("acknowledged_by") ? " (" + v.path("acknowledged_by").asText() + ")" : "");
                out.printf(format, v.path("id").asText(), v.path("cow").asText(), v.path("type").asText(),
                        v.path("severity").asText(), v.path("raised").asText(), state,
                        v.path("next_step").asText("-"), v.path("note").asText(""));
            }
            return 0;
        } catch (GatewayClient.GatewayException e) {
            return Installer.fail(spec, e.getMessage());
        }
    }
}
