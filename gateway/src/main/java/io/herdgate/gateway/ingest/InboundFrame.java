package io.herdgate.gateway.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * One radio frame as a link received it.
 *
 * @param bytes      the frame, header to MIC (not COBS-framed); owned by the pipeline from now on
 * @param receivedAt gateway time of reception; sample batches are dated back from it
 */
public record InboundFrame(byte[] bytes, Instant receivedAt) {

    public InboundFrame {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public static InboundFrame of(byte[] bytes, Instant receivedAt) {
        return new InboundFrame(bytes, receivedAt);
    }
}
