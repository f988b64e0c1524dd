package io.herdgate.rules.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.Explanation;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes alarms as JSON lines, one object per alarm, fields always in this order:
 * <pre>
 * {"cow":"7161","type":"heat","at":"2019-02-03T10:00:00Z","severity":"warning","until":"2019-02-04T02:00:00Z",
 *  "next_expected_heat":"2019-02-24T10:00:00Z",
 *  "explanation":{"measure":"activity_10h","value":412.0,"baseline":198.5,"threshold":337.4,"duration_min":120,
 *                 "features":{...}}}
 * </pre>
 * {@code at} is the event time the alarm was raised, {@code until} the time it cleared (absent while
 * active), both ISO-8601 instants in UTC; {@code baseline} is absent for detectors without one; a
 * non-finite number is written as {@code null}.
 */
public final class AlarmJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private AlarmJson() {
    }

    /** Writes one line per alarm. */
    public static void write(Iterable<Alarm> alarms, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null); // one object per line, nothing before it
            for (Alarm a : alarms) {
                write(a, g);
                g.flush();
                out.write('\n');
            }
        }
    }

    private static void write(Alarm a, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("cow", a.cow().value());
        g.writeStringField("type", a.type().jsonName());
        g.writeStringField("at", a.raisedAt().toString());
        g.writeStringField("severity", a.severity().jsonName());
        if (a.clearedAt().isPresent()) {
            g.writeStringField("until", a.clearedAt().get().toString());
        }
        if (a.nextExpectedHeat().isPresent()) {
            g.writeStringField("next_expected_heat", a.nextExpectedHeat().get().toString());
        }
        Explanation e = a.explanation();
        g.writeObjectFieldStart("explanation");
        g.writeStringField("measure", e.measure());
        number(g, "value", e.value());
        if (e.baseline().isPresent()) {
            number(g, "baseline", e.baseline().getAsDouble());
        }
        number(g, "threshold", e.threshold());
        g.writeNumberField("duration_min", e.duration().toMinutes());
        g.writeObjectFieldStart("features");
        for (Map.Entry<String, Double> f : e.features().entrySet()) {
            number(g, f.getKey(), f.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }
}
