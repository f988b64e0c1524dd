package io.herdgate.gateway.link;

import java.util.Objects;

/**
 * A snapshot of one link's counters since the gateway started, for {@code /health} and metrics.
 *
 * @param id             the link
 * @param kind           {@code serial} or {@code mqtt}
 * @param state          its state now
 * @param framesIn       uplink frames handed to the ingest
 * @param bytesIn        bytes read from the device or received as message payloads (framing included)
 * @param framesOut      downlink frames written or published
 * @param downlinkErrors downlinks that could not be written or published (link down, write failed)
 * @param reconnects     times the link came back up after having been up
 * @param rejected       input dropped before the pipeline: broken serial records, messages on an unknown
 *                       topic, frames whose EUI is not the topic's, bad JSON
 * @param handOffWaits   times the link had to wait because the ingest was full (back-pressure)
 */
public record LinkStats(LinkId id, String kind, LinkState state, long framesIn, long bytesIn, long framesOut,
                        long downlinkErrors, long reconnects, long rejected, long handOffWaits) {

    public LinkStats {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
    }
}
