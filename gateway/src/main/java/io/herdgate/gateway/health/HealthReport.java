package io.herdgate.gateway.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code GET /health}, e.g.
 * <pre>{@code
 * {"status":"degraded","reasons":["link mqtt is reconnecting: connection refused"],"uptime_s":3600,
 *  "version":"0.1.0","links":[{"name":"mqtt","state":"reconnecting","detail":"connection refused"}],
 *  "collars":{"seen":12,"online":11},"frames":{"received":5120,"rejected":{"bad_mic":3}},
 *  "alarms":{"active":1},"outbox":{"pending":0}}
 * }</pre>
 *
 * @param reasons why the status is not {@code ok}, one line each; empty when ok
 * @param uptimeS whole seconds since the gateway started
 */
@JsonPropertyOrder({"status", "reasons", "uptime_s", "version", "links", "collars", "frames", "alarms", "outbox"})
public record HealthReport(@JsonProperty("status") HealthStatus status,
                           @JsonProperty("reasons") List<String> reasons,
                           @JsonProperty("uptime_s") long uptimeS,
                           @JsonProperty("version") String version,
                           @JsonProperty("links") List<LinkStatus> links,
                           @JsonProperty("collars") CollarCounts collars,
                           @JsonProperty("frames") FrameCounts frames,
                           @JsonProperty("alarms") Alarms alarms,
                           @JsonProperty("outbox") Outbox outbox) {

    public HealthReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(version, "version");
        reasons = List.copyOf(reasons);
        links = List.copyOf(links);
        Objects.requireNonNull(collars, "collars");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(alarms, "alarms");
        Objects.requireNonNull(outbox, "outbox");
    }

    /** @param active alarms raised and not yet resolved */
    public record Alarms(@JsonProperty("active") long active) {
    }

    /** @param pending notifications waiting to be delivered */
    public record Outbox(@JsonProperty("pending") long pending) {
    }
}
