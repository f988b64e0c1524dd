package io.herdgate.gateway.ingest;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One radio frame as a link received it.
 *
 * @param bytes      the frame, header to MIC (not COBS-framed); owned by the pipeline from now on
 * @param receivedAt gateway time of reception; sample batches are dated back from it
 * @param rssiDbm    received signal strength in dBm, where the link measures it (the serial dongle does,
 *                   MQTT does not)
 */
public record InboundFrame(byte[] bytes, Instant receivedAt, OptionalInt rssiDbm) {

    public InboundFrame {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(rssiDbm, "rssiDbm");
    }

    public InboundFrame(byte[] bytes, Instant receivedAt) {
        this(bytes, receivedAt, OptionalInt.empty());
    }

    /** A frame from a link that does not measure signal strength. */
    public static InboundFrame of(byte[] bytes, Instant receivedAt) {
        return new InboundFrame(bytes, receivedAt, OptionalInt.empty());
    }

    public static InboundFrame of(byte[] bytes, Instant receivedAt, int rssiDbm) {
        return new InboundFrame(bytes, receivedAt, OptionalInt.of(rssiDbm));
    }
}
