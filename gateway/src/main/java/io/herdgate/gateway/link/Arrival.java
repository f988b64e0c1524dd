package io.herdgate.gateway.link;

import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.Message;
import java.time.Instant;
import java.util.Objects;

/** One uplink on its way from a link to the pipeline: a binary frame or a JSON message. */
sealed interface Arrival {

    /** The link it came by; downlinks to its collar go back that way. */
    LinkId link();

    /** Run on the ingest thread once the pipeline has handled it (MQTT acknowledges it then). */
    Runnable onHandled();

    static Arrival of(LinkId link, InboundFrame frame) {
        return new Frame(link, frame, () -> { });
    }

    /** A binary frame, header to MIC. */
    record Frame(LinkId link, InboundFrame frame, Runnable onHandled) implements Arrival {
        public Frame {
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(frame, "frame");
            Objects.requireNonNull(onHandled, "onHandled");
        }
    }

    /** A JSON uplink for {@code eui}, read and checked by the link. */
    record Json(LinkId link, CollarEui eui, Message message, Instant receivedAt, Runnable onHandled) implements Arrival {
        public Json {
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(eui, "eui");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(onHandled, "onHandled");
        }
    }
}
