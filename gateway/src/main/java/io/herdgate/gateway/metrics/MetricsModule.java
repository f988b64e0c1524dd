package io.herdgate.gateway.metrics;

import io.herdgate.gateway.http.HttpModule;
import io.javalin.Javalin;
import java.util.Objects;

/** Serves {@code GET /metrics} (open, no token) in the Prometheus text format. */
public final class MetricsModule implements HttpModule {

    public static final String PATH = "/metrics";
    private final MetricRegistry registry;

    private MetricsModule(MetricRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public static MetricsModule of(MetricRegistry registry) {
        return new MetricsModule(registry);
    }

    @Override
    public void register(Javalin app) {
        app.get(PATH, ctx -> ctx.contentType(PrometheusText.CONTENT_TYPE).result(PrometheusText.write(registry.collect())));
    }
}
