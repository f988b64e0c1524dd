package io.herdgate.gateway.chart;

import io.herdgate.gateway.http.HttpModule;
import io.herdgate.gateway.store.AlarmId;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/alarms/{id}/chart.png}: the activity chart of a stored alarm (for the local page and
 * for vets). 200 with {@code image/png}; 404 for an unknown alarm; 400 when {@code id} is not a positive
 * number, each with {@code {"error": "..."}}. Behind the API token like every {@code /api} route.
 */
public final class ChartApi implements HttpModule {

    private final ChartSource charts;

    private ChartApi(ChartSource charts) {
        this.charts = charts;
    }

    public static ChartApi of(ChartSource charts) {
        return new ChartApi(Objects.requireNonNull(charts, "charts"));
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/alarms/{id}/chart.png", this::chart);
    }

    private void chart(Context ctx) {
        Optional<AlarmId> id = parse(ctx.pathParam("id"));
        if (id.isEmpty()) {
            ctx.status(400).json(Map.of("error", "alarm id must be a whole number >= 1, got '"
                    + ctx.pathParam("id") + "'"));
            return;
        }
        charts.chart(id.get()).ifPresentOrElse(
                png -> ctx.status(200).contentType(png.mediaType()).result(png.bytes()),
                () -> ctx.status(404).json(Map.of("error", "no alarm " + id.get())));
    }

    private static Optional<AlarmId> parse(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long v = Long.parseLong(text);
        return v >= 1 ? Optional.of(AlarmId.of(v)) : Optional.empty();
    }
}
