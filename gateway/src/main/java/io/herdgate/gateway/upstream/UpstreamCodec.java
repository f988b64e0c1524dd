package io.herdgate.gateway.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns events into topics and JSON payloads (deploy/UPSTREAM.md). Each payload is one JSON object
 * with {@code "type"} first, then {@code "gateway"}, {@code "seq"} (the queue's number for this
 * message) and the event's fields; times are ISO-8601 UTC with millisecond precision.
 */
final class UpstreamCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final GatewayName gateway;

    private UpstreamCodec(String prefix, GatewayName gateway) {
        this.prefix = prefix;
        this.gateway = gateway;
    }

    static UpstreamCodec of(String topicPrefix, GatewayName gateway) {
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(gateway, "gateway");
        return new UpstreamCodec(topicPrefix, gateway);
    }

    /** The message without {@code seq}; {@link #withSeq} adds it when the queue has numbered it. */
    UpstreamMessage encode(UpstreamEvent event) {
        String base = prefix + "/" + gateway + "/events/";
        ObjectNode o = JSON.createObjectNode();
        if (event instanceof UpstreamEvent.AlarmChange a) {
            o.put("type", "alarm");
            o.put("gateway", gateway.value());
            o.put("cow", a.cow().value());
            o.put("alarm", a.type().jsonName());
            o.put("raised_at", time(a.raisedAt()));
            o.put("severity", a.severity().name().toLowerCase(Locale.ROOT));
            o.put("state", a.state().wire());
            o.put("at", time(a.at()));
            a.by().ifPresent(by -> o.put("by", by));
            return message(base + "alarm", o, false, 2);
        }
        if (event instanceof UpstreamEvent.FeatureMinute f) {
            o.put("type", "features");
            o.put("gateway", gateway.value());
            o.put("cow", f.cow().value());
            o.put("minute", time(f.minute()));
            ObjectNode values = o.putObject("values");
            f.values().forEach(values::put);
            return message(base + "features", o, false, 0);
        }
        if (event instanceof UpstreamEvent.CollarStatus c) {
            o.put("type", "collar");
            o.put("gateway", gateway.value());
            o.put("collar", c.collar().toString());
            c.cow().ifPresent(cow -> o.put("cow", cow.value()));
            o.put("online", c.online());
            c.lastHeard().ifPresent(t -> o.put("last_heard", time(t)));
            c.batteryMv().ifPresent(mv -> o.put("battery_mv", mv));
            c.rssiDbm().ifPresent(rssi -> o.put("rssi_dbm", rssi));
            o.put("at", time(c.at()));
            return message(base + "collar/" + c.collar(), o, true, 1);
        }
        UpstreamEvent.GatewayHealth h = (UpstreamEvent.GatewayHealth) event; // the last of the sealed set
        o.put("type", "health");
        o.put("gateway", gateway.value());
        o.put("status", h.status());
        h.reasons().forEach(o.putArray("reasons")::add);
        o.put("at", time(h.at()));
        return message(base + "health", o, true, 1);
    }

    /** The payload with {@code "seq": seq} after {@code "gateway"}. */
    static byte[] withSeq(byte[] payload, long seq) {
        try {
            ObjectNode parsed = (ObjectNode) JSON.readTree(payload);
            ObjectNode o = JSON.createObjectNode();
            parsed.fields().forEachRemaining(e -> {
                o.set(e.getKey(), e.getValue());
                if (e.getKey().equals("gateway")) {
                    o.put("seq", seq);
                }
            });
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException("queued payload is not a JSON object", e);
        }
    }

    private static UpstreamMessage message(String topic, ObjectNode o, boolean retained, int importance) {
        try {
            return UpstreamMessage.of(topic, JSON.writeValueAsBytes(o), retained, importance);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
