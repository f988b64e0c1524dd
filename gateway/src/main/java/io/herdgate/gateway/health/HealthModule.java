package io.herdgate.gateway.health;

import io.herdgate.gateway.http.HttpModule;
import io.javalin.Javalin;
import java.util.Objects;

/**
 * Serves {@code GET /health} (open, no token): the {@link HealthReport} as JSON, with HTTP 200 when
 * the status is {@code ok} or {@code degraded} (the gateway is serving) and 503 while {@code starting}.
 */
public final class HealthModule implements HttpModule {

    public static final String PATH = "/health";
    private final HealthCheck check;

    private HealthModule(HealthCheck check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    public static HealthModule of(HealthCheck check) {
        return new HealthModule(check);
    }

    @Override
    public void register(Javalin app) {
        app.get(PATH, ctx -> {
            HealthReport report = check.report();
            ctx.status(report.status() == HealthStatus.STARTING ? 503 : 200).json(report);
        });
    }
}
