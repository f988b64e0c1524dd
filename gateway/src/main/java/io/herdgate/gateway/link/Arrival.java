package io.herdgate.gateway.link;

import io.herdgate.gateway.ingest.InboundFrame;
import java.util.Objects;

/**
 * One uplink frame on its way from a link to the pipeline.
 *
 * @param link      the link it came by; downlinks to its collar go back that way
 * @param frame     the frame
 * @param onHandled run on the ingest thread once the pipeline has handled the frame (MQTT acks it then)
 */
record Arrival(LinkId link, InboundFrame frame, Runnable onHandled) {

    Arrival {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(onHandled, "onHandled");
    }

    static Arrival of(LinkId link, InboundFrame frame) {
        return new Arrival(link, frame, () -> { });
    }
}
