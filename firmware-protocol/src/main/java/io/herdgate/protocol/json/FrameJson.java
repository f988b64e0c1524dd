package io.herdgate.protocol.json;

import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.FrameHeader;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.Rejected;
import java.util.Locale;

/**
 * Decode results as JSON fields, the form {@code herdgate decode} prints:
 * <pre>
 * decoded:  "version","type","dir","eui","counter","counter_bits","encrypted","ack_requested","mic",
 *           "freshness","message"
 * rejected: "error" (the reason's wire name), "detail", and "eui", "counter" when known
 * </pre>
 */
public final class FrameJson {

    private FrameJson() {
    }

    /** Appends the fields of {@code result} to {@code out}. */
    public static JsonOut writeTo(DecodeResult result, JsonOut out) {
        if (result instanceof Decoded d) {
            FrameHeader h = d.header();
            return out.str("version", FrameLayout.VERSION_MAJOR + "." + h.versionMinor())
                    .str("type", MessageJson.typeName(h.type()))
                    .str("dir", lower(h.direction()))
                    .str("eui", h.eui().toString())
                    .num("counter", h.counter())
                    .num("counter_bits", h.shortCounter() ? 16 : 32)
                    .bool("encrypted", h.encrypted())
                    .bool("ack_requested", h.ackRequested())
                    .str("mic", lower(d.mic()))
                    .str("freshness", lower(d.freshness()))
                    .raw("message", MessageJson.write(d.message()));
        }
        Rejected r = (Rejected) result;
        out.str("error", r.reason().wireName()).str("detail", r.detail());
        r.eui().ifPresent(e -> out.str("eui", e.toString()));
        r.counter().ifPresent(c -> out.num("counter", c));
        return out;
    }

    /** The result as one JSON object. */
    public static String write(DecodeResult result) {
        return writeTo(result, JsonOut.create()).build();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
