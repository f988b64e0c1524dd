package io.herdgate.gateway.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Computes the {@link HealthReport} from the {@link HealthSources}. The status is {@code starting} until
 * the runtime says it has started; then {@code degraded} when any link is not up, no link is configured,
 * the outbox backlog exceeds its limit, or the runtime reports a problem; otherwise {@code ok}. A source
 * that throws makes the report degraded (naming the source) instead of failing the request.
 */
public final class HealthCheck {

    private final HealthSources sources;
    private final Clock clock;
    private final Instant startedAt;
    private final String version;

    private HealthCheck(HealthSources sources, Clock clock, String version) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.version = Objects.requireNonNull(version, "version");
        this.startedAt = clock.instant();
    }

    /** A check whose uptime counts from now on {@code clock}. */
    public static HealthCheck of(HealthSources sources, Clock clock, String version) {
        return new HealthCheck(sources, clock, version);
    }

    public HealthReport report() {
        List<String> reasons = new ArrayList<>();
        List<LinkStatus> links = read("links", sources.links(), List.of(), reasons);
        CollarCounts collars = read("collars", sources.collars(), CollarCounts.NONE, reasons);
        FrameCounts frames = read("frames", sources.frames(), FrameCounts.NONE, reasons);
        long alarms = read("alarms", () -> sources.activeAlarms().getAsLong(), 0L, reasons);
        long pending = read("outbox", () -> sources.outboxPending().getAsLong(), 0L, reasons);
        boolean started = read("started", () -> sources.started().getAsBoolean(), true, reasons);
        List<String> problems = read("problems", sources.problems(), List.of(), reasons);

        if (links.isEmpty()) {
            reasons.add("no collar link configured");
        }
        for (LinkStatus l : links) {
            if (l.state() != LinkState.UP) {
                reasons.add("link " + l.name() + " is " + l.state().word() + (l.detail().isEmpty() ? "" : ": " + l.detail()));
            }
        }
        if (pending > sources.outboxBacklogLimit()) {
            reasons.add("outbox backlog " + pending + " above " + sources.outboxBacklogLimit());
        }
        reasons.addAll(problems);

        HealthStatus status = !started ? HealthStatus.STARTING
                : reasons.isEmpty() ? HealthStatus.OK : HealthStatus.DEGRADED;
        long uptime = Math.max(0, Duration.between(startedAt, clock.instant()).toSeconds());
        return new HealthReport(status, reasons, uptime, version, links, collars, frames,
                new HealthReport.Alarms(alarms), new HealthReport.Outbox(pending));
    }

    private static <T> T read(String source, Supplier<T> supplier, T fallback, List<String> reasons) {
        try {
            return Objects.requireNonNull(supplier.get(), "returned null");
        } catch (RuntimeException e) {
            Logger.warn(e, "health source failed source={}", source);
            reasons.add("health source " + source + " failed: " + e.getMessage());
            return fallback;
        }
    }
}
