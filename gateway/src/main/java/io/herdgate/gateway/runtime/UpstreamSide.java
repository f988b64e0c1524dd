package io.herdgate.gateway.runtime;

import io.herdgate.gateway.alarm.AlarmView;
import io.herdgate.gateway.alarm.DeskChange;
import io.herdgate.gateway.alarm.DeskListener;
import io.herdgate.gateway.config.UpstreamConfig;
import io.herdgate.gateway.health.HealthReport;
import io.herdgate.gateway.metrics.Collector;
import io.herdgate.gateway.metrics.MetricFamily;
import io.herdgate.gateway.metrics.MetricName;
import io.herdgate.gateway.metrics.MetricType;
import io.herdgate.gateway.metrics.Labels;
import io.herdgate.gateway.metrics.Sample;
import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.registry.CollarView;
import io.herdgate.gateway.schedule.JobName;
import io.herdgate.gateway.schedule.Scheduler;
import io.herdgate.gateway.store.CollarUse;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.upstream.AlarmState;
import io.herdgate.gateway.upstream.GatewayName;
import io.herdgate.gateway.upstream.Upstream;
import io.herdgate.gateway.upstream.UpstreamEvent;
import io.herdgate.gateway.upstream.UpstreamSettings;
import io.herdgate.gateway.upstream.UpstreamStatus;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.detect.AlarmListener;
import io.herdgate.rules.series.Observation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * The upstream bridge of the running gateway ({@code upstream:} in herdgate.yaml), fed by the real parts:
 * the detection engine's alarm events (raised, updated, cleared), the desk's acknowledgements, snoozes and
 * resolutions, every per-minute observation, and two jobs on the gateway's scheduler that publish collar
 * status and the gateway's health when they change (and every {@link #REFRESH} regardless, so a retained
 * state is never older than that). Its backlog shows in {@code /metrics} and, when the broker has been out of
 * reach for {@link #DOWN_GRACE}, as a reason in {@code /health}.
 */
final class UpstreamSide implements AutoCloseable {

    /** How often collar status and health are compared with what was last published. */
    static final Duration CHECK = Duration.ofMinutes(1);
    /** The longest a retained collar or health state goes unpublished. */
    static final Duration REFRESH = Duration.ofMinutes(15);
    /** A collar heard within this long is online (the offline detector's default threshold). */
    static final Duration ONLINE_WITHIN = Duration.ofMinutes(60);
    /** How long the broker may be unreachable before health says so (start-up, a broker restart). */
    static final Duration DOWN_GRACE = Duration.ofMinutes(1);

    private final Upstream upstream;
    private final UpstreamConfig config;
    private final Clock clock;
    /** What was last published per collar, and when. Touched by the schedule thread only. */
    private final Map<CollarEui, Published<UpstreamEvent.CollarStatus>> collars = new HashMap<>();
    private Optional<Published<UpstreamEvent.GatewayHealth>> health = Optional.empty();

    private record Published<T>(T event, Instant at) {
    }

    private UpstreamSide(Upstream upstream, UpstreamConfig config, Clock clock) {
        this.upstream = upstream;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens the queue in {@code db} and starts the bridge (it connects in the background).
     *
     * @throws GatewayStartException (step "upstream") when the settings are refused or a file cannot be read
     */
    static UpstreamSide start(UpstreamConfig c, Database db, Clock clock) {
        try {
            UpstreamSettings s = UpstreamSettings.of(c.broker().toString(), GatewayName.of(c.gateway()));
            s = new UpstreamSettings(s.broker(), c.clientId(), s.gateway(), c.topicPrefix(), Optional.empty(),
                    Optional.empty(), Optional.empty(), c.queueCapacity(), s.reconnectMin(), c.reconnectMax());
            if (c.username().isPresent() && c.passwordFile().isPresent()) {
                s = s.withLogin(c.username().get(), firstLine(c));
            }
            s = c.caFile().map(s::withCaFile).orElse(s);
            Upstream u = Upstream.start(s, db, clock);
            Logger.info("upstream bridge to {} as {} ({} events queued)", c.broker(), c.gateway(), u.status().queued());
            return new UpstreamSide(u, c, clock);
        } catch (IllegalArgumentException e) {
            throw new GatewayStartException("upstream", e.getMessage(), e);
        }
    }

    private static String firstLine(UpstreamConfig c) {
        try {
            return Files.readAllLines(c.passwordFile().get(), StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw new IllegalArgumentException("upstream.password_file " + c.passwordFile().get() + " cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Raised, updated and cleared, as the engine tells them. */
    AlarmListener alarms() {
        return upstream.alarmListener();
    }

    /** Acknowledged, snoozed and resolved, with who did it. */
    DeskListener desk() {
        return change -> {
            AlarmView a = change.alarm();
            if (change instanceof DeskChange.Acknowledged ack) {
                publish(a, AlarmState.ACKNOWLEDGED, change.at(), Optional.of(ack.ack().who()));
            } else if (change instanceof DeskChange.Resolved r) {
                publish(a, AlarmState.CLEARED, change.at(), Optional.of(r.ack().who()));
            } else if (change instanceof DeskChange.Snoozed s) {
                publish(a, AlarmState.SNOOZED, change.at(), s.by().map(ContactId::value));
            }
        };
    }

    private void publish(AlarmView a, AlarmState state, Instant at, Optional<String> by) {
        upstream.publish(UpstreamEvent.AlarmChange.of(a.cow(), a.type(), a.raisedAt(), a.severity(), state, at, by));
    }

    /** One per-minute observation as a {@code features} event; an empty one (a gap) is not published. */
    void observed(Observation o) {
        if (o.isEmpty()) {
            return;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        put(values, "activity", o.activity());
        put(values, "steps", o.steps());
        put(values, "lyingMin", o.lyingMin());
        put(values, "lyingBouts", o.lyingBouts());
        put(values, "ruminationMin", o.ruminationMin());
        put(values, "motionIndex", o.motionIndex());
        put(values, "accelVarG2", o.accelVarG2());
        put(values, "pitchDeg", o.pitchDeg());
        put(values, "batteryMv", o.batteryMv());
        upstream.publish(UpstreamEvent.FeatureMinute.of(o.cow(), o.start(), values));
    }

    private static void put(Map<String, Double> values, String name, double v) {
        if (!Double.isNaN(v)) {
            values.put(name, v);
        }
    }

    /** Adds the collar-status and health jobs; publishes the health once now. */
    void schedule(Scheduler scheduler, Supplier<List<CollarView>> collarTable, Supplier<HealthReport> report) {
        scheduler.every(JobName.of("upstream-collars"), CHECK, () -> publishCollars(collarTable.get()));
        scheduler.every(JobName.of("upstream-health"), CHECK, () -> publishHealth(report.get()));
        publishHealth(report.get());
    }

    private synchronized void publishCollars(List<CollarView> table) {
        Instant now = clock.instant();
        for (CollarView v : table) {
            if (v.use() == CollarUse.RETIRED) {
                continue;
            }
            boolean online = v.lastSeen().map(t -> !t.isBefore(now.minus(ONLINE_WITHIN))).orElse(false);
            UpstreamEvent.CollarStatus status = UpstreamEvent.CollarStatus.of(v.eui(), v.cow(), online, v.lastSeen(),
                    v.batteryMv(), v.rssiDbm(), now);
            Published<UpstreamEvent.CollarStatus> last = collars.get(v.eui());
            if (last == null || changed(last.event(), status) || !now.isBefore(last.at().plus(REFRESH))) {
                upstream.publish(status);
                collars.put(v.eui(), new Published<>(status, now));
            }
        }
    }

    /** A new cow, online state or battery reading; signal strength alone wanders too much to count. */
    private static boolean changed(UpstreamEvent.CollarStatus a, UpstreamEvent.CollarStatus b) {
        return !a.cow().equals(b.cow()) || a.online() != b.online() || !a.batteryMv().equals(b.batteryMv());
    }

    private synchronized void publishHealth(HealthReport r) {
        Instant now = clock.instant();
        UpstreamEvent.GatewayHealth h = UpstreamEvent.GatewayHealth.of(r.status().word(), r.reasons(), now);
        boolean same = health.map(p -> p.event().status().equals(h.status()) && p.event().reasons().equals(h.reasons())
                && now.isBefore(p.at().plus(REFRESH))).orElse(false);
        if (!same) {
            upstream.publish(h);
            health = Optional.of(new Published<>(h, now));
        }
    }

    /** A line for {@code /health} when the broker has been out of reach for longer than {@link #DOWN_GRACE}. */
    List<String> problems() {
        UpstreamStatus s = upstream.status();
        if (s.connected() || clock.instant().isBefore(s.since().plus(DOWN_GRACE))) {
            return List.of();
        }
        return List.of("upstream broker " + config.broker() + " not reachable since " + s.since()
                + "; events are kept on disk");
    }

    UpstreamStatus status() {
        return upstream.status();
    }

    /** {@code herdgate_upstream_*}: connected, queued, dropped and refused events. */
    Collector metrics() {
        return () -> {
            UpstreamStatus s = upstream.status();
            return List.of(
                    family("herdgate_upstream_connected", "1 when connected to the upstream broker.", MetricType.GAUGE,
                            s.connected() ? 1 : 0),
                    family("herdgate_upstream_queued", "Events on disk waiting for the upstream broker's acknowledgement.",
                            MetricType.GAUGE, s.queued()),
                    family("herdgate_upstream_dropped_total", "Events dropped because the upstream queue was full.",
                            MetricType.COUNTER, s.dropped()),
                    family("herdgate_upstream_rejected_total", "Events the upstream broker refused.", MetricType.COUNTER,
                            s.rejected()));
        };
    }

    private static MetricFamily family(String name, String help, MetricType type, double value) {
        return MetricFamily.of(MetricName.of(name), help, type, List.of(Sample.of(MetricName.of(name), Labels.NONE, value)));
    }

    /** Stops sending; what is queued stays on disk for the next start. */
    @Override
    public void close() {
        upstream.close();
    }
}
