package io.herdgate.gateway.installer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herdgate.gateway.flash.FlashService;
import io.herdgate.gateway.flash.FlashStart;
import io.herdgate.gateway.flash.FlashStatus;
import io.herdgate.gateway.http.HttpModule;
import io.herdgate.gateway.registry.CollarLabel;
import io.herdgate.gateway.registry.CollarRegistry;
import io.herdgate.gateway.registry.CollarView;
import io.herdgate.gateway.registry.KeyText;
import io.herdgate.gateway.registry.LabelRefusal;
import io.herdgate.gateway.registry.PairResult;
import io.herdgate.gateway.registry.PairingOpened;
import io.herdgate.gateway.registry.PairingStatus;
import io.herdgate.gateway.registry.UnpairResult;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.firmware.ImageFileException;
import io.herdgate.protocol.firmware.SignedImage;
import io.herdgate.protocol.firmware.UpdateOutcome;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tinylog.Logger;

/**
 * Routes of the installer API:
 * <ul>
 * <li>{@code GET /api/collars}: the collar table;</li>
 * <li>{@code PUT /api/collars/{eui}/pairing} {@code {"cow": "17", "key": "<32 hex>"}} (key only for a
 *     collar not yet registered): pair; {@code DELETE} the same path: unpair;</li>
 * <li>{@code POST /api/pairing-mode} {@code {"minutes": 30, "labels": [{"eui", "key", "cow"?}], "cows": [...]}}:
 *     open the pairing mode; {@code GET}: its status; {@code DELETE}: close it;</li>
 * <li>{@code PUT /api/collars/{eui}/firmware} with the release file as body: start or resume an update;
 *     {@code GET} the same path: its progress and outcome.</li>
 * </ul>
 * Bad input is answered 400 with {@code {"error": "..."}} naming the field and the allowed form; a request
 * the registry refuses is answered 404 (unknown collar) or 409 (conflict) the same way.
 */
public final class InstallerApi implements HttpModule {

    /** Default pairing-mode window. */
    public static final int DEFAULT_PAIRING_MINUTES = 30;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CollarRegistry registry;
    private final Optional<FlashService> flash;

    private InstallerApi(CollarRegistry registry, Optional<FlashService> flash) {
        this.registry = registry;
        this.flash = flash;
    }

    /** The API over {@code registry}; without a flash service the firmware routes answer 503. */
    public static InstallerApi of(CollarRegistry registry, Optional<FlashService> flash) {
        return new InstallerApi(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(flash, "flash"));
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/collars", ctx -> reply(ctx, 200, collars(registry.collars())));
        app.put("/api/collars/{eui}/pairing", this::pair);
        app.delete("/api/collars/{eui}/pairing", this::unpair);
        app.post("/api/pairing-mode", this::openPairing);
        app.get("/api/pairing-mode", ctx -> reply(ctx, 200, status(registry.pairingStatus())));
        app.delete("/api/pairing-mode", ctx -> reply(ctx, 200, status(registry.closePairing())));
        app.put("/api/collars/{eui}/firmware", this::startFlash);
        app.get("/api/collars/{eui}/firmware", this::flashStatus);
        app.exception(BadRequest.class, (e, ctx) -> reply(ctx, 400, error(e.getMessage())));
        app.exception(FirmwareOff.class, (e, ctx) -> reply(ctx, 503, error(e.getMessage())));
    }

    private void pair(Context ctx) {
        CollarEui eui = eui(ctx);
        JsonNode body = body(ctx);
        CowId cow = cow(text(body, "cow").orElseThrow(() -> new BadRequest("field cow: required")), "cow");
        Optional<AesKey> key = text(body, "key").map(k -> key(k, "key"));
        PairResult r = registry.pair(eui, key, cow);
        if (r instanceof PairResult.Paired p) {
            Logger.info("collar {} paired with cow {}{}{}", eui, cow,
                    p.replaced().map(c -> ", replacing collar " + c).orElse(""),
                    p.movedFrom().map(c -> ", moved from cow " + c).orElse(""));
            ObjectNode o = result("paired", eui).put("cow", cow.value());
            p.replaced().ifPresent(c -> o.put("replaced", c.toString()));
            p.movedFrom().ifPresent(c -> o.put("moved_from", c.value()));
            reply(ctx, 200, o);
        } else if (r instanceof PairResult.AlreadyPaired) {
            reply(ctx, 200, result("already_paired", eui).put("cow", cow.value()));
        } else if (r instanceof PairResult.UnknownCollar) {
            reply(ctx, 404, error("collar " + eui + " is not registered: give its key (from the label) with the pairing"));
        } else if (r instanceof PairResult.KeyMismatch) {
            reply(ctx, 409, error("collar " + eui + " is registered with another key; check the label (nothing changed)"));
        } else {
            reply(ctx, 409, error("collar " + eui + " is retired"));
        }
    }

    private void unpair(Context ctx) {
        CollarEui eui = eui(ctx);
        UnpairResult r = registry.unpair(eui);
        if (r instanceof UnpairResult.Unpaired u) {
            Logger.info("collar {} taken off cow {}", eui, u.cow());
            reply(ctx, 200, result("unpaired", eui).put("cow", u.cow().value()));
        } else if (r instanceof UnpairResult.NotPaired) {
            reply(ctx, 200, result("not_paired", eui));
        } else {
            reply(ctx, 404, error("collar " + eui + " is not registered"));
        }
    }

    private void openPairing(Context ctx) {
        JsonNode body = body(ctx);
        JsonNode minutesNode = body.path("minutes");
        int minutes = minutesNode.isMissingNode() ? DEFAULT_PAIRING_MINUTES : minutesNode.asInt(-1);
        long max = CollarRegistry.MAX_PAIRING_WINDOW.toMinutes();
        if (!minutesNode.isMissingNode() && !minutesNode.isInt() || minutes < 1 || minutes > max) {
            throw new BadRequest("field minutes: a whole number 1.." + max + " expected");
        }
        List<CollarLabel> labels = new ArrayList<>();
        JsonNode ls = array(body, "labels");
        for (int i = 0; i < ls.size(); i++) {
            JsonNode l = ls.get(i);
            String where = "labels[" + i + "].";
            CollarEui eui = parseEui(text(l, "eui").orElse(""), where + "eui");
            AesKey key = key(text(l, "key").orElseThrow(() -> new BadRequest("field " + where + "key: required")),
                    where + "key");
            labels.add(CollarLabel.of(eui, key, text(l, "cow").map(c -> cow(c, where + "cow"))));
        }
        List<CowId> cows = new ArrayList<>();
        JsonNode cs = array(body, "cows");
        for (int i = 0; i < cs.size(); i++) {
            if (!cs.get(i).isTextual()) {
                throw new BadRequest("field cows[" + i + "]: a cow name (text) expected");
            }
            cows.add(cow(cs.get(i).asText(), "cows[" + i + "]"));
        }
        PairingOpened opened = registry.openPairing(labels, cows, Duration.ofMinutes(minutes));
        Logger.info("pairing mode open for {} min with {} labels, {} refused", minutes,
                opened.status().notJoined().size(), opened.refused().size());
        ObjectNode o = status(opened.status());
        ArrayNode refused = o.putArray("refused");
        for (LabelRefusal r : opened.refused()) {
            refused.addObject().put("eui", r.eui().toString()).put("reason", r.reason());
        }
        reply(ctx, 200, o);
    }

    private FlashService flash() {
        return flash.orElseThrow(() -> new FirmwareOff("firmware updates are off in this gateway: it has no vendor "
                + "key to check release files with (firmware settings)"));
    }

    private void startFlash(Context ctx) {
        CollarEui eui = eui(ctx);
        FlashService flash = flash();
        SignedImage image;
        try {
            image = flash.check(ctx.bodyAsBytes());
        } catch (ImageFileException e) {
            throw new BadRequest(e.getMessage());
        }
        FlashStart r = flash.start(eui, image);
        if (r instanceof FlashStart.Started s) {
            Logger.info("firmware {} update of collar {} started{}", image.manifest().version(), eui,
                    s.status().resumedFrom() > 0 ? " (resuming at " + s.status().resumedFrom() + " bytes)" : "");
            reply(ctx, 202, flash(s.status()).put("result", "started"));
        } else if (r instanceof FlashStart.AlreadyRunning a) {
            reply(ctx, 202, flash(a.status()).put("result", "already_running"));
        } else if (r instanceof FlashStart.Busy b) {
            reply(ctx, 409, error("collar " + eui + " is already being updated with image " + b.running()
                    + "; wait for it to end"));
        } else {
            reply(ctx, 409, error(((FlashStart.Unreachable) r).reason()));
        }
    }

    private void flashStatus(Context ctx) {
        CollarEui eui = eui(ctx);
        flash().status(eui).ifPresentOrElse(s -> reply(ctx, 200, flash(s)),
                () -> reply(ctx, 404, error("no firmware update of collar " + eui + " since the gateway started")));
    }

    static ObjectNode collars(List<CollarView> views) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode a = o.putArray("collars");
        for (CollarView v : views) {
            ObjectNode c = a.addObject().put("eui", v.eui().toString());
            v.cow().ifPresent(cow -> c.put("cow", cow.value()));
            put(c, "battery_mv", v.batteryMv());
            put(c, "rssi_dbm", v.rssiDbm());
            v.lastSeen().ifPresent(t -> c.put("last_seen", t.toString()));
            v.firmware().ifPresent(f -> c.put("firmware", f.toString()));
            c.put("status", v.use().name().toLowerCase(Locale.ROOT));
        }
        return o;
    }

    static ObjectNode status(PairingStatus s) {
        ObjectNode o = JSON.createObjectNode().put("open", s.open());
        s.openUntil().ifPresent(t -> o.put("open_until", t.toString()));
        ArrayNode admitted = o.putArray("admitted");
        s.admitted().forEach(a -> admitted.addObject().put("eui", a.eui().toString()).put("cow", a.cow().value())
                .put("at", a.at().toString()));
        s.notJoined().forEach(e -> o.withArray("not_joined").add(e.toString()));
        s.noCow().forEach(e -> o.withArray("no_cow").add(e.toString()));
        s.cowsLeft().forEach(c -> o.withArray("cows_left").add(c.value()));
        return o;
    }

    static ObjectNode flash(FlashStatus s) {
        ObjectNode o = JSON.createObjectNode()
                .put("eui", s.progress().collar().toString())
                .put("image", s.progress().image().toString())
                .put("version", s.version().toString())
                .put("phase", s.progress().phase().name().toLowerCase(Locale.ROOT))
                .put("acked_bytes", s.progress().ackedBytes())
                .put("total_bytes", s.progress().totalBytes())
                .put("resumed_from", s.resumedFrom());
        s.outcome().ifPresent(out -> {
            ObjectNode n = o.putObject("outcome");
            if (out instanceof UpdateOutcome.Updated u) {
                n.put("kind", "updated").put("running", u.running().toString());
            } else if (out instanceof UpdateOutcome.Rejected r) {
                n.put("kind", "rejected").put("reason", r.reason().name().toLowerCase(Locale.ROOT));
            } else if (out instanceof UpdateOutcome.Reverted r) {
                n.put("kind", "reverted").put("running", r.running().toString());
            } else if (out instanceof UpdateOutcome.Failed f) {
                n.put("kind", "failed").put("reason", f.reason().name().toLowerCase(Locale.ROOT))
                        .put("detail", f.detail()).put("resumable", f.resumable());
            }
        });
        return o;
    }

    private static void put(ObjectNode o, String field, OptionalInt v) {
        if (v.isPresent()) {
            o.put(field, v.getAsInt());
        }
    }

    private static ObjectNode result(String result, CollarEui eui) {
        return JSON.createObjectNode().put("result", result).put("eui", eui.toString());
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void reply(Context ctx, int status, ObjectNode body) {
        if (body.has("error")) {
            body.put("status", status); // the server's error form, ErrorBody
        }
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    private static CollarEui eui(Context ctx) {
        return parseEui(ctx.pathParam("eui"), "eui");
    }

    private static CollarEui parseEui(String text, String field) {
        try {
            return CollarEui.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("field " + field + ": 16 hex digits expected, got '" + text + "'");
        }
    }

    private static CowId cow(String text, String field) {
        try {
            return CowId.of(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("field " + field + ": 1..64 characters without surrounding blanks expected");
        }
    }

    private static AesKey key(String text, String field) {
        try {
            return KeyText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("field " + field + ": " + e.getMessage()); // the message never holds the text
        }
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = JSON.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new BadRequest("body: a JSON object expected");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's message may quote the body, which may hold a key: say only where it broke.
            throw new BadRequest("body: not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
    }

    /** The array in {@code field}, empty when absent. */
    private static JsonNode array(JsonNode body, String field) {
        JsonNode a = body.path(field);
        if (a.isMissingNode()) {
            return JSON.createArrayNode();
        }
        if (!a.isArray()) {
            throw new BadRequest("field " + field + ": an array expected");
        }
        return a;
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** Firmware updates are not configured, answered 503 with the message. */
    private static final class FirmwareOff extends RuntimeException {
        FirmwareOff(String message) {
            super(message, null, false, false);
        }
    }

    /** Bad input from the client, answered 400 with the message. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
