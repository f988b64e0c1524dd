package io.herdgate.gateway.alarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herdgate.gateway.http.HttpModule;
import io.herdgate.gateway.routing.Silence;
import io.herdgate.gateway.routing.SilenceId;
import io.herdgate.gateway.routing.Silences;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.series.CowId;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The alarm routes of the local API (behind the bearer token like every {@code /api/} path):
 * <ul>
 * <li>{@code GET /api/alarms} (active alarms; {@code ?all=true} also those cleared since the gateway
 *     started) → {@code {"alarms": [...], "problems": [{"problem", "since"}]}};</li>
 * <li>{@code GET /api/alarms/{id}} → one alarm, 404 when unknown;</li>
 * <li>{@code POST /api/alarms/{id}/ack}, {@code .../resolve} with {@code {"by": "anna"}} and
 *     {@code .../snooze} with {@code {"by": "anna", "minutes": 30}} → {@code {"result": "done" |
 *     "already_acknowledged", "alarm": {...}}}, 404 when unknown;</li>
 * <li>{@code GET /api/silences} → silences not yet ended; {@code POST /api/silences} with
 *     {@code {"cow"?, "type"?, "minutes", "by", "reason"}} → 201 and the silence;
 *     {@code DELETE /api/silences/{id}} → lifts it, 404 when unknown.</li>
 * </ul>
 * Alarm fields: {@code id, cow, type, severity, raised, state (active | acknowledged | cleared |
 * cleared-acknowledged), acknowledged_by?, acknowledged_at?, cleared?, route?, messages, next_step?, note?}.
 * Bad input is answered 400 with {@code {"error": "..."}} naming the field and what is allowed.
 */
public final class AlarmApi implements HttpModule {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_SNOOZE_MINUTES = Duration.ofDays(1).toMinutes();

    private final AlarmDesk desk;

    private AlarmApi(AlarmDesk desk) {
        this.desk = desk;
    }

    public static AlarmApi of(AlarmDesk desk) {
        return new AlarmApi(Objects.requireNonNull(desk, "desk"));
    }

    /** A request the API refuses with 400; the message names the field. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/alarms", this::list);
        app.get("/api/alarms/{id}", ctx -> {
            AlarmId id = id(ctx);
            desk.find(id).ifPresentOrElse(v -> reply(ctx, 200, view(v)), () -> notFound(ctx, id));
        });
        app.post("/api/alarms/{id}/ack", ctx -> answer(ctx, desk.acknowledge(id(ctx), by(body(ctx)), "http")));
        app.post("/api/alarms/{id}/resolve", ctx -> answer(ctx, desk.resolve(id(ctx), by(body(ctx)), "http")));
        app.post("/api/alarms/{id}/snooze", ctx -> {
            JsonNode body = body(ctx);
            long minutes = wholeNumber(body, "minutes", 1, MAX_SNOOZE_MINUTES);
            by(body);
            answer(ctx, desk.snooze(id(ctx), Duration.ofMinutes(minutes), Optional.empty()));
        });
        app.get("/api/silences", ctx -> {
            ObjectNode o = JSON.createObjectNode();
            ArrayNode a = o.putArray("silences");
            desk.silences().forEach(s -> a.add(silence(s)));
            reply(ctx, 200, o);
        });
        app.post("/api/silences", this::addSilence);
        app.delete("/api/silences/{id}", ctx -> {
            long id = number(ctx.pathParam("id"), "silence id");
            if (desk.lift(SilenceId.of(id))) {
                reply(ctx, 200, JSON.createObjectNode().put("result", "lifted").put("id", id));
            } else {
                reply(ctx, 404, error("no silence " + id));
            }
        });
        app.exception(BadRequest.class, (e, ctx) -> reply(ctx, 400, error(e.getMessage())));
    }

    private void list(Context ctx) {
        String all = Optional.ofNullable(ctx.queryParam("all")).orElse("false");
        if (!all.equals("true") && !all.equals("false")) {
            throw new BadRequest("query all: true or false expected, got '" + all + "'");
        }
        ObjectNode o = JSON.createObjectNode();
        ArrayNode a = o.putArray("alarms");
        desk.alarms(all.equals("true")).forEach(v -> a.add(view(v)));
        ArrayNode p = o.putArray("problems");
        for (Map.Entry<GatewayProblem, Instant> e : desk.problems().entrySet()) {
            p.addObject().put("problem", e.getKey().jsonName()).put("since", e.getValue().toString());
        }
        reply(ctx, 200, o);
    }

    private void addSilence(Context ctx) {
        JsonNode body = body(ctx);
        Optional<CowId> cow = text(body, "cow").map(c -> {
            try {
                return CowId.of(c);
            } catch (IllegalArgumentException e) {
                throw new BadRequest("field cow: " + e.getMessage());
            }
        });
        Optional<AlarmType> type = text(body, "type").map(t -> AlarmType.fromJsonName(t).orElseThrow(
                () -> new BadRequest("field type: unknown alarm type '" + t + "', allowed: " + AlarmType.allowedNames())));
        long minutes = wholeNumber(body, "minutes", 1, Silences.MAX_LENGTH.toMinutes());
        String reason = text(body, "reason").filter(r -> !r.isBlank())
                .orElseThrow(() -> new BadRequest("field reason: required (why nothing should be sent)"));
        try {
            Silence s = desk.silence(cow, type, Duration.ofMinutes(minutes), by(body), reason);
            reply(ctx, 201, silence(s));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static void answer(Context ctx, AckResult r) {
        if (r instanceof AckResult.Done d) {
            reply(ctx, 200, JSON.createObjectNode().put("result", "done").set("alarm", view(d.alarm())));
        } else if (r instanceof AckResult.AlreadyAcknowledged a) {
            reply(ctx, 200, JSON.createObjectNode().put("result", "already_acknowledged").set("alarm", view(a.alarm())));
        } else {
            notFound(ctx, ((AckResult.NotFound) r).id());
        }
    }

    /** The JSON form of an alarm (see the class description). */
    static ObjectNode view(AlarmView v) {
        ObjectNode o = JSON.createObjectNode()
                .put("id", v.id().value())
                .put("cow", v.cow().value())
                .put("type", v.type().jsonName())
                .put("severity", v.severity().jsonName())
                .put("raised", v.raisedAt().toString())
                .put("state", v.state().label());
        AlarmState s = v.state();
        if (s instanceof AlarmState.ActiveAcknowledged a) {
            ack(o, a.ack());
        } else if (s instanceof AlarmState.ClearedAcknowledged c) {
            ack(o, c.ack());
            o.put("cleared", c.clearedAt().toString());
        } else if (s instanceof AlarmState.ClearedUnacknowledged c) {
            o.put("cleared", c.clearedAt().toString());
        }
        v.route().ifPresent(r -> o.put("route", r.value()));
        o.put("messages", v.messages());
        v.nextStep().ifPresent(t -> o.put("next_step", t.toString()));
        v.note().ifPresent(n -> o.put("note", n));
        return o;
    }

    private static void ack(ObjectNode o, Acknowledgement a) {
        o.put("acknowledged_by", a.who()).put("acknowledged_via", a.via()).put("acknowledged_at", a.at().toString());
        if (a.resolved()) {
            o.put("resolved", true);
        }
    }

    static ObjectNode silence(Silence s) {
        ObjectNode o = JSON.createObjectNode().put("id", s.id().value());
        s.cow().ifPresent(c -> o.put("cow", c.value()));
        s.type().ifPresent(t -> o.put("type", t.jsonName()));
        return o.put("start", s.start().toString()).put("end", s.end().toString()).put("by", s.author())
                .put("reason", s.reason());
    }

    private static AlarmId id(Context ctx) {
        long v = number(ctx.pathParam("id"), "alarm id");
        if (v < 1) {
            throw new BadRequest("alarm id: a whole number >= 1 expected, got '" + ctx.pathParam("id") + "'");
        }
        return AlarmId.of(v);
    }

    private static long number(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadRequest(what + ": a whole number expected, got '" + text + "'");
        }
    }

    private static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(text);
            if (!n.isObject()) {
                throw new BadRequest("body: a JSON object expected");
            }
            return n;
        } catch (IOException e) {
            throw new BadRequest("body: not valid JSON");
        }
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw new BadRequest("field " + field + ": text expected");
        }
        return Optional.of(n.asText());
    }

    private static String by(JsonNode body) {
        return text(body, "by").filter(b -> !b.isBlank() && b.length() <= 64)
                .orElseThrow(() -> new BadRequest("field by: required, who acts (1-64 characters)"));
    }

    private static long wholeNumber(JsonNode body, String field, long min, long max) {
        JsonNode n = body.get(field);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            throw new BadRequest("field " + field + ": a whole number " + min + ".." + max + " expected");
        }
        return n.asLong();
    }

    private static void notFound(Context ctx, AlarmId id) {
        reply(ctx, 404, error("no alarm " + id));
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void reply(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }
}
