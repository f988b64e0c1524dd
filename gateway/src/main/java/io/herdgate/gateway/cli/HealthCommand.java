package io.herdgate.gateway.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herdgate.gateway.health.HealthReport;
import io.herdgate.gateway.health.HealthStatus;
import io.herdgate.gateway.http.ApiCallException;
import io.herdgate.gateway.http.ApiClient;
import io.herdgate.gateway.http.ApiResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herdgate health}: asks the running gateway how it is, for an installer or a monitoring script. */
@Command(name = "health",
        mixinStandardHelpOptions = true,
        description = {"Shows the running gateway's health: status and its reasons, links, collars, frames, "
                + "alarms and outbox (GET /health; no token needed).",
                "Exit code: 0 ok, 2 degraded or still starting, 1 gateway not reachable or not herdgate."},
        footer = {"", "Example:", "  herdgate health --gateway http://127.0.0.1:8080"})
public final class HealthCommand implements Callable<Integer> {

    static final int DEGRADED = 2;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--gateway", paramLabel = "URL", defaultValue = "${env:HERDGATE_API:-http://127.0.0.1:8080}",
            description = "The gateway's local HTTP API (default ${DEFAULT-VALUE}; env HERDGATE_API).")
    URI gateway;

    @Option(names = "--json", description = "Print the gateway's JSON answer as it is.")
    boolean json;

    @Override
    public Integer call() {
        ApiResponse r;
        try {
            r = ApiClient.anonymous(gateway).get("/health");
        } catch (ApiCallException e) {
            return fail(e.getMessage());
        }
        HealthReport report;
        try {
            // Made here, not in a static field: picocli creates every command when any of them runs.
            // A newer gateway may report more fields; what this CLI knows is enough.
            report = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(r.body(), HealthReport.class);
        } catch (IOException | RuntimeException e) {
            return fail("the answer of " + gateway + "/health (HTTP " + r.status() + ") is not a herdgate health "
                    + "report: is --gateway the herdgate API?");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(r.body());
        } else {
            print(out, report);
        }
        out.flush();
        return report.status() == HealthStatus.OK ? 0 : DEGRADED;
    }

    private static void print(PrintWriter out, HealthReport r) {
        out.println("status: " + r.status().word()
                + (r.reasons().isEmpty() ? "" : " (" + String.join("; ", r.reasons()) + ")"));
        out.println("version " + r.version() + ", up " + uptime(r.uptimeS()));
        out.println("links: " + (r.links().isEmpty() ? "none" : r.links().stream()
                .map(l -> l.name() + " " + l.state().word()).collect(Collectors.joining(", "))));
        out.println("collars: " + r.collars().seen() + " seen, " + r.collars().online() + " online");
        long rejected = r.frames().rejected().values().stream().mapToLong(Long::longValue).sum();
        out.println("frames: " + r.frames().received() + " received, " + rejected + " rejected"
                + (rejected == 0 ? "" : " (" + r.frames().rejected().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")"));
        out.println("alarms: " + r.alarms().active() + " active; outbox: " + r.outbox().pending() + " pending");
    }

    static String uptime(long seconds) {
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        return days > 0 ? days + " d " + hours + " h" : hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("herdgate health: " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }
}
