package io.herdgate.gateway.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herdgate.rules.alarm.Explanation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The {@code alarm.explanation} column: {@code {"measure":..,"value":..,"baseline":..,"threshold":..,
 * "duration_s":..,"features":{..}}}; {@code baseline} absent when empty, a non-finite number is null.
 */
final class ExplanationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExplanationJson() {
    }

    static String write(Explanation e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("measure", e.measure());
        number(o, "value", e.value());
        if (e.baseline().isPresent()) {
            number(o, "baseline", e.baseline().getAsDouble());
        }
        number(o, "threshold", e.threshold());
        o.put("duration_s", e.duration().toSeconds());
        ObjectNode f = o.putObject("features");
        e.features().forEach(f::put);
        return o.toString();
    }

    /**
     * Parses a column value written by {@link #write}.
     *
     * @throws IllegalArgumentException when it is not such JSON
     */
    static Explanation read(String json) {
        try {
            JsonNode o = MAPPER.readTree(json);
            Map<String, Double> features = new LinkedHashMap<>();
            o.path("features").fields().forEachRemaining(f -> features.put(f.getKey(), number(f.getValue())));
            OptionalDouble baseline = o.has("baseline") ? OptionalDouble.of(number(o.get("baseline"))) : OptionalDouble.empty();
            return Explanation.of(o.path("measure").asText(), number(o.path("value")), baseline,
                    number(o.path("threshold")), Duration.ofSeconds(o.path("duration_s").asLong()), features);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("explanation is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
