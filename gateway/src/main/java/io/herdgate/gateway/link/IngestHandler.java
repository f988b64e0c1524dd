package io.herdgate.gateway.link;

import io.herdgate.gateway.ingest.FramePipeline;
import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.gateway.ingest.IngestResult;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.Message;
import java.time.Instant;
import java.util.Objects;

/**
 * What the ingest thread does with each uplink, one at a time. {@link #of(FramePipeline)} hands them to
 * the pipeline; a runtime that runs the pipeline on its own engine thread implements this to get there.
 */
public interface IngestHandler {

    /** A binary frame; see {@link FramePipeline#accept}. */
    IngestResult frame(InboundFrame frame);

    /** A JSON uplink; see {@link FramePipeline#acceptJson}. */
    IngestResult json(CollarEui eui, Message message, Instant receivedAt);

    /** Straight into {@code pipeline}. */
    static IngestHandler of(FramePipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        return new IngestHandler() {
            @Override
            public IngestResult frame(InboundFrame frame) {
                return pipeline.accept(frame);
            }

            @Override
            public IngestResult json(CollarEui eui, Message message, Instant receivedAt) {
                return pipeline.acceptJson(eui, message, receivedAt);
            }
        };
    }
}
