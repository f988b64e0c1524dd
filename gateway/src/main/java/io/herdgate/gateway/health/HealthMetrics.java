package io.herdgate.gateway.health;

import io.herdgate.gateway.metrics.Collector;
import io.herdgate.gateway.metrics.Histogram;
import io.herdgate.gateway.metrics.Labels;
import io.herdgate.gateway.metrics.MetricFamily;
import io.herdgate.gateway.metrics.MetricName;
import io.herdgate.gateway.metrics.MetricRegistry;
import io.herdgate.gateway.metrics.MetricType;
import io.herdgate.gateway.metrics.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The health report's numbers as Prometheus metrics ({@code herdgate_*}), computed at scrape time, and
 * the frame-to-alarm latency histogram the alarm side observes into.
 */
public final class HealthMetrics implements Collector {

    /** Histogram of seconds from a frame's arrival at the gateway to the alarm it raised. */
    public static final String FRAME_TO_ALARM = "herdgate_frame_to_alarm_seconds";

    private final HealthCheck check;

    private HealthMetrics(HealthCheck check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    public static HealthMetrics of(HealthCheck check) {
        return new HealthMetrics(check);
    }

    /**
     * The frame-to-alarm latency histogram in {@code registry} (created on first call, the same instance
     * afterwards). Observe with {@link Histogram#observeNanos} from a monotonic source.
     */
    public static Histogram frameToAlarmLatency(MetricRegistry registry) {
        return registry.histogram(FRAME_TO_ALARM,
                "Seconds from a frame's arrival at the gateway to the alarm it raised.", Histogram.LATENCY_SECONDS);
    }

    @Override
    public List<MetricFamily> collect() {
        HealthReport r = check.report();
        List<MetricFamily> out = new ArrayList<>();
        out.add(gauge("herdgate_build_info", "Version of the running gateway; always 1.",
                List.of(sample("herdgate_build_info", Labels.of("version", r.version()), 1))));
        List<Sample> status = new ArrayList<>();
        for (HealthStatus s : HealthStatus.values()) {
            status.add(sample("herdgate_health_status", Labels.of("status", s.word()), s == r.status() ? 1 : 0));
        }
        out.add(gauge("herdgate_health_status", "1 for the current health status, 0 for the others.", status));
        out.add(single("herdgate_uptime_seconds", "Seconds since the gateway started.", MetricType.GAUGE, r.uptimeS()));
        List<Sample> links = new ArrayList<>();
        r.links().forEach(l -> links.add(sample("herdgate_link_up", Labels.of("link", l.name()),
                l.state() == LinkState.UP ? 1 : 0)));
        out.add(gauge("herdgate_link_up", "1 when the collar link is up, 0 otherwise.", links));
        out.add(single("herdgate_collars_seen", "Paired collars heard from since start.", MetricType.GAUGE, r.collars().seen()));
        out.add(single("herdgate_collars_online", "Collars heard from within their offline timeout.", MetricType.GAUGE,
                r.collars().online()));
        out.add(single("herdgate_frames_received_total", "Frames received on all links since start.",
                MetricType.COUNTER, r.frames().received()));
        List<Sample> rejected = new ArrayList<>();
        r.frames().rejected().forEach((reason, n) ->
                rejected.add(sample("herdgate_frames_rejected_total", Labels.of("reason", reason), n)));
        out.add(MetricFamily.of(MetricName.of("herdgate_frames_rejected_total"), "Frames rejected since start, by reason.",
                MetricType.COUNTER, rejected));
        out.add(single("herdgate_alarms_active", "Alarms raised and not yet resolved.", MetricType.GAUGE, r.alarms().active()));
        out.add(single("herdgate_outbox_pending", "Notifications waiting to be delivered.", MetricType.GAUGE,
                r.outbox().pending()));
        return out;
    }

    private static MetricFamily single(String name, String help, MetricType type, double value) {
        return MetricFamily.of(MetricName.of(name), help, type, List.of(sample(name, Labels.NONE, value)));
    }

    private static MetricFamily gauge(String name, String help, List<Sample> samples) {
        return MetricFamily.of(MetricName.of(name), help, MetricType.GAUGE, samples);
    }

    private static Sample sample(String name, Labels labels, double value) {
        return Sample.of(MetricName.of(name), labels, value);
    }
}
