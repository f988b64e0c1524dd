package io.herdgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herdgate.rules.alarm.AlarmType;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code herdgate silence}: sets, lists and lifts silences in the running gateway. */
@Command(name = "silence",
        mixinStandardHelpOptions = true,
        description = {"Silences alarms for a while: they are still recorded and listed, but nobody is messaged.",
                "Give --cow, --type or both; chains already running for matching alarms stop."},
        subcommands = {SilenceCommand.ListCommand.class, SilenceCommand.LiftCommand.class},
        footer = {"", "Examples:",
                "  herdgate silence --cow 17 --type heat --for 48h --reason \"inseminated\" --by vet-mueller",
                "  herdgate silence --type offline --for 2h --reason \"radio mast repair\"",
                "  herdgate silence list",
                "  herdgate silence lift 3"})
public final class SilenceCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GatewayOptions gateway;

    @Option(names = "--cow", paramLabel = "COW", description = "Only this cow (default: every cow).")
    Optional<String> cow;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Only this alarm type: heat, illness, calving, no_motion, collar_off, offline, battery "
                    + "(default: every type).")
    Optional<String> type;

    @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long, from now: e.g. 90min, 2h, 48h, 7d (at most 30 days).")
    Duration length;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (shown to everyone listing alarms).")
    String reason;

    @Option(names = "--by", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Who sets it (default: your user name, ${DEFAULT-VALUE}).")
    String by;

    @Override
    public Integer call() {
        if (cow.isEmpty() && type.isEmpty()) {
            return Installer.fail(spec, "give --cow, --type or both (silencing everything is not allowed); "
                    + "'herdgate silence list' shows the silences");
        }
        if (type.isPresent() && AlarmType.fromJsonName(type.get()).isEmpty()) {
            return Installer.fail(spec, "--type: unknown alarm type '" + type.get() + "', allowed: " + AlarmType.allowedNames());
        }
        if (length == null || reason == null || reason.isBlank()) {
            return Installer.fail(spec, "--for and --reason are required");
        }
        if (length.toMinutes() < 1 || length.compareTo(Duration.ofDays(30)) > 0) {
            return Installer.fail(spec, "--for: a silence lasts 1 minute to 30 days, got " + length);
        }
        ObjectNode body = GatewayClient.JSON.createObjectNode().put("minutes", length.toMinutes()).put("reason", reason)
                .put("by", by);
        cow.ifPresent(c -> body.put("cow", c));
        type.ifPresent(t -> body.put("type", t));
        try {
            GatewayClient.Answer a = gateway.client().post("/api/silences", body);
            if (!a.ok()) {
                return Installer.fail(spec, a.error());
            }
            spec.commandLine().getOut().println("Silence " + a.body().path("id").asText() + ": " + describe(a.body()));
            return 0;
        } catch (GatewayClient.GatewayException e) {
            return Installer.fail(spec, e.getMessage());
        }
    }

    static String describe(JsonNode s) {
        return (s.has("type") ? s.path("type").asText() : "all") + " alarms of "
                + (s.has("cow") ? "cow " + s.path("cow").asText() : "every cow") + " until " + s.path("end").asText()
                + " (" + s.path("by").asText() + ": " + s.path("reason").asText() + ")";
    }

    /** {@code herdgate silence list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the silences not yet ended.")
    static final class ListCommand implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        GatewayOptions gateway;

        @Override
        public Integer call() {
            try {
                GatewayClient.Answer a = gateway.client().get("/api/silences");
                if (!a.ok()) {
                    return Installer.fail(spec, a.error());
                }
                PrintWriter out = spec.commandLine().getOut();
                JsonNode list = a.body().path("silences");
                if (list.isEmpty()) {
                    out.println("No silences.");
                }
                for (JsonNode s : list) {
                    out.println(s.path("id").asText() + ": " + describe(s));
                }
                return 0;
            } catch (GatewayClient.GatewayException e) {
                return Installer.fail(spec, e.getMessage());
            }
        }
    }

    /** {@code herdgate silence lift ID}. */
    @Command(name = "lift", mixinStandardHelpOptions = true, description = "Ends a silence now.")
    static final class LiftCommand implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        GatewayOptions gateway;

        @Parameters(index = "0", paramLabel = "ID", description = "The silence's id, as 'herdgate silence list' shows it.")
        long id;

        @Override
        public Integer call() {
            try {
                GatewayClient.Answer a = gateway.client().delete("/api/silences/" + id);
                if (!a.ok()) {
                    return Installer.fail(spec, a.error());
                }
                spec.commandLine().getOut().println("Silence " + id + " lifted.");
                return 0;
            } catch (GatewayClient.GatewayException e) {
                return Installer.fail(spec, e.getMessage());
            }
        }
    }
}
