package io.herdgate.gateway.runtime;

import io.herdgate.gateway.http.HttpModule;
import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /health}: {@code {"status":"ok", ...}} with the gateway's counters, open to the farm network. */
final class StatusModule implements HttpModule {

    private final Supplier<GatewayStatus> status;

    StatusModule(Supplier<GatewayStatus> status) {
        this.status = status;
    }

    @Override
    public void register(Javalin app) {
        app.get("/health", ctx -> {
            GatewayStatus s = status.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ok");
            body.put("uptime_s", s.uptime().toSeconds());
            body.put("paired_collars", s.pairedCollars());
            body.put("joined_collars", s.joinedCollars());
            body.put("cows", s.cows());
            body.put("frames_accepted", s.framesAccepted());
            body.put("frames_rejected", s.framesRejected());
            body.put("observations", s.observations());
            body.put("active_alarms", s.activeAlarms());
            ctx.json(body);
        });
    }
}
