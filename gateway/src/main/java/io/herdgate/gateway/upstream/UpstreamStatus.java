package io.herdgate.gateway.upstream;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The bridge as {@code /health} and {@code /metrics} show it.
 *
 * @param connected     connected to the upstream broker now
 * @param since         since when it has been connected, or not (the bridge's start for a first connect)
 * @param queued        events waiting for the broker's acknowledgement
 * @param dropped       events dropped because the queue was full (since start)
 * @param rejected      events the broker refused (e.g. not authorised for the topic; since start)
 * @param lastDelivered when the broker last acknowledged an event
 */
public record UpstreamStatus(boolean connected, Instant since, int queued, long dropped, long rejected,
                             Optional<Instant> lastDelivered) {

    public UpstreamStatus {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastDelivered, "lastDelivered");
    }

    public static UpstreamStatus of(boolean connected, Instant since, int queued, long dropped, long rejected,
                                    Optional<Instant> lastDelivered) {
        return new UpstreamStatus(connected, since, queued, dropped, rejected, lastDelivered);
    }
}
