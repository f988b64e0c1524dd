package io.herdgate.gateway.upstream;

import java.util.Objects;

/** A message in the upstream queue; {@code seq} is its number, unique and rising per gateway database. */
public record QueuedMessage(long seq, UpstreamMessage message) {

    public QueuedMessage {
        Objects.requireNonNull(message, "message");
    }

    public static QueuedMessage of(long seq, UpstreamMessage message) {
        return new QueuedMessage(seq, message);
    }

    /** The payload as published: the stored JSON with {@code "seq"} added. */
    public byte[] wirePayload() {
        return UpstreamCodec.withSeq(message.payload(), seq);
    }
}
