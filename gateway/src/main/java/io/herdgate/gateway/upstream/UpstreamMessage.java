package io.herdgate.gateway.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One event as it goes on the wire: topic, UTF-8 JSON payload, retain flag and how important it is
 * when the queue is full.
 *
 * @param importance 0 features, 1 status, 2 alarms (a full queue drops the lowest first)
 */
public record UpstreamMessage(String topic, byte[] payload, boolean retained, int importance) {

    public UpstreamMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (importance < 0 || importance > 2) {
            throw new IllegalArgumentException("importance must be 0..2: " + importance);
        }
        payload = payload.clone();
    }

    public static UpstreamMessage of(String topic, byte[] payload, boolean retained, int importance) {
        return new UpstreamMessage(topic, payload, retained, importance);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpstreamMessage m && topic.equals(m.topic) && Arrays.equals(payload, m.payload)
                && retained == m.retained && importance == m.importance;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, Arrays.hashCode(payload), retained, importance);
    }

    @Override
    public String toString() {
        return "UpstreamMessage[" + topic + " " + payloadText() + (retained ? " retained" : "") + "]";
    }
}
