package io.herdgate.gateway.runtime;

import io.herdgate.gateway.config.GatewayConfig;
import io.herdgate.gateway.config.MqttConfig;
import io.herdgate.gateway.alarm.AlarmDesk;
import io.herdgate.gateway.flash.FlashService;
import io.herdgate.gateway.flash.FlashSettings;
import io.herdgate.gateway.health.CollarCounts;
import io.herdgate.gateway.health.FrameCounts;
import io.herdgate.gateway.health.HealthCheck;
import io.herdgate.gateway.health.HealthMetrics;
import io.herdgate.gateway.health.HealthModule;
import io.herdgate.gateway.health.HealthSources;
import io.herdgate.gateway.health.LinkStatus;
import io.herdgate.gateway.http.ApiAuth;
import io.herdgate.gateway.http.ApiToken;
import io.herdgate.gateway.http.ApiTokenException;
import io.herdgate.gateway.http.HttpModule;
import io.herdgate.gateway.http.HttpServer;
import io.herdgate.gateway.http.HttpServerException;
import io.herdgate.gateway.http.HttpSettings;
import io.herdgate.gateway.ingest.FramePipeline;
import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.gateway.ingest.IngestResult;
import io.herdgate.gateway.installer.InstallerApi;
import io.herdgate.gateway.link.Downlinks;
import io.herdgate.gateway.link.Ingest;
import io.herdgate.gateway.link.IngestHandler;
import io.herdgate.gateway.link.Link;
import io.herdgate.gateway.link.LinkId;
import io.herdgate.gateway.link.LinkState;
import io.herdgate.gateway.link.LocalLink;
import io.herdgate.gateway.link.MqttLink;
import io.herdgate.gateway.link.MqttLinkSettings;
import io.herdgate.gateway.link.MqttPassword;
import io.herdgate.gateway.link.PahoLog;
import io.herdgate.gateway.link.SerialLink;
import io.herdgate.gateway.link.SerialLinkSettings;
import io.herdgate.gateway.metrics.Labels;
import io.herdgate.gateway.metrics.MetricFamily;
import io.herdgate.gateway.metrics.MetricName;
import io.herdgate.gateway.metrics.MetricRegistry;
import io.herdgate.gateway.metrics.MetricType;
import io.herdgate.gateway.metrics.Sample;
import io.herdgate.gateway.metrics.MetricsModule;
import io.herdgate.gateway.registry.CollarRegistry;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.gateway.schedule.ClockJumpGuard;
import io.herdgate.gateway.schedule.JobName;
import io.herdgate.gateway.schedule.Scheduler;
import io.herdgate.gateway.schedule.Ticker;
import io.herdgate.gateway.store.Checkpoints;
import io.herdgate.gateway.store.CowRecord;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.FeatureHistory;
import io.herdgate.gateway.store.FlushPolicy;
import io.herdgate.gateway.store.Herd;
import io.herdgate.gateway.store.SqliteAuditSink;
import io.herdgate.gateway.store.SqliteCounterStore;
import io.herdgate.gateway.store.SqlitePostureStore;
import io.herdgate.gateway.store.SqliteSessionStore;
import io.herdgate.gateway.store.WriteBehindCounterStore;
import io.herdgate.gateway.store.SqliteProgressStore;
import io.herdgate.gateway.store.StoreException;
import io.herdgate.gateway.upstream.UpstreamStatus;
import io.herdgate.protocol.join.JoinServer;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.audit.AuditException;
import io.herdgate.rules.config.FileRulesSource;
import io.herdgate.rules.config.GroupName;
import io.herdgate.rules.config.Reload;
import io.herdgate.rules.config.RulesConfig;
import io.herdgate.rules.config.RulesLoadException;
import io.herdgate.rules.detect.AlarmListener;
import io.herdgate.rules.detect.DetectionEngine;
import io.herdgate.rules.detect.SnapshotException;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.tinylog.Logger;

/**
 * The running gateway.
 *
 * <p>Start order, each step only once the previous one worked (a failure stops what was started, in
 * reverse, and throws {@link GatewayStartException} naming the step):
 * <ol>
 *   <li>data directory (created 0700) and database, migrated to this build's schema;</li>
 *   <li>rules file (validated in full) with its audit trail in the database;</li>
 *   <li>detection engine, continuing from the stored checkpoint (every cow keeps her baseline); the time
 *       the gateway was down is not held against any collar ({@link DetectionEngine#resumeAt});</li>
 *   <li>feature history, alarm log, frame counters, pairings, the frame pipeline and its ingest thread;</li>
 *   <li>scheduler: engine tick every minute, history and frame counter flush, checkpoint every hour, rules reload
 *       every 10 s, daily retention and summary; the clock-jump guards;</li>
 *   <li>HTTP: API token and guard, {@code /health}, {@code /metrics} and every module's routes;</li>
 *   <li>links (serial dongle, MQTT, or the simulation's local link), last, so no frame arrives before
 *       everything behind them is ready.</li>
 * </ol>
 * {@link #close()} stops in reverse: links, HTTP, scheduler, the ingest (queued frames are still
 * handled), then flushes the feature history, writes a final checkpoint and closes the database.
 *
 * <p>Clock steps: the detection side and the schedule thread each check a {@link ClockJumpGuard}. A step
 * forward makes the engine {@link DetectionEngine#resumeAt resume} at the new time (no offline alarm for
 * every cow); after a step back, observations dated before a cow's last one are refused as out of order
 * until the wall clock passes it. The scheduler keeps escalations' remaining delays and re-evaluates
 * calendar jobs.
 */
public final class Gateway implements AutoCloseable {

    /** How often the engine's watermark follows the clock (offline detection). */
    public static final Duration TICK = Duration.ofMinutes(1);
    /**
     * How often the detector state is written (a power cut loses at most this much learning). Hourly: the
     * whole herd's state is rewritten each time (about 5 KB a cow before compression), so every 15 minutes
     * would write megabytes an hour per 100 cows to the SD card.
     */
    public static final Duration CHECKPOINT = Duration.ofHours(1);
    /** How often the rules file is checked for changes. */
    public static final Duration RULES_POLL = Duration.ofSeconds(10);
    /** How long a manual {@link #runSchedule()} waits for the outbox's delivery pass. */
    static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);
    /** The database file in the data directory. */
    public static final String DATABASE_FILE = "herdgate.db";
    /** Collar network id announced in join accepts ("HG"). */
    public static final int NETWORK_ID = 0x00_48_47;
    /** The link name of the simulation's frames ({@link Builder#localLink}). */
    public static final LinkId LOCAL_LINK = LinkId.of("simulated-herd");

    private final Builder settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger activeAlarms = new AtomicInteger();
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final long startNanos;
    /** Machine time, not gateway time: start-up is measured in real milliseconds even in a simulation. */
    private final long startedAtNanos;
    private volatile boolean running;
    private volatile CompletableFuture<Void> lastSubmitted = CompletableFuture.completedFuture(null);
    private Database db;
    private Detection detection;
    private FeatureHistory history;
    private Checkpoints checkpoints;
    private FramePipeline pipeline;
    private Ingest ingest;
    private Scheduler scheduler;
    private WriteBehindCounterStore counters;
    private ClockJumpGuard scheduleGuard;
    private HttpServer http;
    private Optional<LocalLink> local = Optional.empty();
    private Optional<FileRulesSource> rulesSource = Optional.empty();
    private CollarRegistry registry;
    private Optional<FlashService> flash = Optional.empty();
    private AlarmSide alarmSide;
    private Optional<UpstreamSide> upstream = Optional.empty();
    private HealthCheck health;
    private Duration startTime = Duration.ZERO;

    private Gateway(Builder b) {
        this.settings = b;
        this.startNanos = b.ticker.nanos();
        this.startedAtNanos = System.nanoTime();
    }

    public static Builder builder(GatewayConfig config) {
        return new Builder(config);
    }

    private void start() {
        GatewayConfig c = settings.config;
        // Before any Paho client exists (upstream starts first): Paho fixes some loggers per class at load.
        PahoLog.install();
        try {
            openDatabase(c);
            Rules rules = rules(c);
            upstream = c.upstream().map(u -> track(UpstreamSide.start(u, db, settings.clock)));
            buildIngest(c, rules);
            schedule(c);
            startHttp(c);
            startLinks(c);
        } catch (RuntimeException e) {
            stopStarted();
            throw e instanceof GatewayStartException ge ? ge : new GatewayStartException("assembly", e.getMessage(), e);
        }
        running = true;
        upstream.ifPresent(u -> u.schedule(scheduler, registry::collars, health::report));
        startTime = Duration.ofNanos(System.nanoTime() - startedAtNanos);
        Logger.info("herdgate started in {} ms: {} paired collars, {} cows with a baseline, links {}, http port {}, data {}",
                startTime.toMillis(), registry.size(), detection.cows(), links.stream().map(l -> l.id().value()).toList(),
                http.port(), c.dataDir());
        alarmSide.warmUp(); // healthy already: the first alarm must not pay for a cold send path
    }

    private void openDatabase(GatewayConfig c) {
        try {
            Files.createDirectories(c.dataDir());
            restrict(c.dataDir());
        } catch (IOException e) {
            throw new GatewayStartException("data directory", "cannot create " + c.dataDir() + " (" + e.getMessage() + ")", e);
        }
        try {
            Path file = c.dataDir().resolve(DATABASE_FILE);
            db = track(settings.unsynced ? Database.openUnsynced(file) : Database.open(file));
        } catch (StoreException e) {
            throw new GatewayStartException("database", e.getMessage(), e);
        }
    }

    private static void restrict(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this file system
        }
    }

    private Rules rules(GatewayConfig c) {
        Herd herd = Herd.of(db);
        if (c.rulesFile().isEmpty()) {
            return RulesConfig.defaults().rules(cow -> group(herd, cow));
        }
        FileRulesSource source;
        try {
            source = FileRulesSource.open(c.rulesFile().get(), SqliteAuditSink.of(db), settings.clock);
        } catch (RulesLoadException e) {
            throw new GatewayStartException("rules", e.problems().size() + " error(s) in " + c.rulesFile().get()
                    + ", first: " + e.problems().get(0) + " (herdgate config check lists them all)", e);
        }
        rulesSource = Optional.of(source);
        return source.current().rules(cow -> group(herd, cow));
    }

    private static Optional<GroupName> group(Herd herd, CowId cow) {
        return herd.find(cow).flatMap(CowRecord::group);
    }

    private void buildIngest(GatewayConfig c, Rules rules) {
        Clock clock = settings.clock;
        List<AlarmListener> listeners = new ArrayList<>(settings.alarmListeners);
        upstream.ifPresent(u -> listeners.add(u.alarms()));
        history = FeatureHistory.of(db, settings.flushPolicy, clock);
        alarmSide = track(AlarmSide.of(c, db, history, rules, clock, System.getenv()));
        upstream.ifPresent(u -> alarmSide.desk().addListener(u.desk()));
        AlarmPass all = new AlarmPass(clock, told -> {
            // The desk records a pass's alarms in one commit first, so listeners see them stored.
            alarmSide.record(told.stream().map(AlarmPass.Told::event).toList());
            for (AlarmPass.Told t : told) {
                count(t.event(), t.at()); // t.at(): before the desk's work, the moment the detector raised it
                for (AlarmListener l : listeners) {
                    try {
                        l.onEvent(t.event());
                    } catch (RuntimeException e) {
                        Logger.error(e, "alarm listener failed on {}", t.event());
                    }
                }
            }
        });
        DetectionEngine.Builder eb = DetectionEngine.builder().rules(rules).clock(clock).zone(c.zone())
                .calendar(Herd.of(db).calendar(c.zone())).listener(all)
                .baselineCache(false); // live: one hour a cow an hour; the cache costs up to 2.5 KB a cow
        checkpoints = Checkpoints.of(db);
        DetectionEngine engine = checkpoints.read((takenAt, in) -> restore(eb, takenAt, in)).orElseGet(eb::build);
        // Alarms still active in the restored state are already in the alarm log.
        activeAlarms.set(engine.activeAlarms().size());
        engine.resumeAt(clock.instant());
        ClockJumpGuard guard = ClockJumpGuard.of(clock, settings.ticker, ClockJumpGuard.DEFAULT_TOLERANCE);
        detection = new Detection(engine, history, guard, all);
        guard.addListener(jump -> {
            if (jump.forward()) {
                detection.withEngine(e -> {
                    e.resumeAt(jump.actual());
                    return null;
                });
            }
        });
        // Uplink counters written behind with the feature history, so a frame costs no fsync (see the class).
        counters = track(WriteBehindCounterStore.of(SqliteCounterStore.of(db), settings.flushPolicy, clock));
        // The live registry: pair, unpair and pairing mode (installer API) reach the pipeline without a restart.
        registry = CollarRegistry.open(db, clock);
        track(registry::flushHealth); // after the ingest has stopped: the last sightings
        Downlinks downlinks = Downlinks.create();
        flash = settings.firmware.map(f -> track(FlashService.of((eui, m) -> pipeline.send(eui, m),
                SqliteProgressStore.of(db), clock, f)));
        pipeline = FramePipeline.builder(registry,
                        JoinServer.of(NETWORK_ID, registry, counters, clock, new SplittableRandom(new SecureRandom().nextLong())),
                        counters)
                .downlinks(downlinks)
                .sightings(registry::seen)
                .firmwareReplies(flash.isPresent() ? flash.get() : (eui, reply) -> { })
                .collarConfig(settings.collarConfig)
                .observations(this::observe)
                .sessions(SqliteSessionStore.of(db))
                .postures(SqlitePostureStore.of(db))
                .build();
        track(this::saveState);
        ingest = track(Ingest.start(alarmSide.timed(IngestHandler.of(pipeline)), downlinks, Ingest.DEFAULT_CAPACITY, (link, r) -> {
            if (r instanceof IngestResult.Joined j) {
                Logger.info("collar {} joined over {}", j.eui(), link);
            } else if (r instanceof IngestResult.Dropped d) {
                Logger.debug("frame from {} dropped: {}", link, d.detail());
            }
        }, alarmSide.stepAside()));
    }

    /** A per-minute observation from the pipeline: to the engine and history, then upstream. */
    private void observe(Observation o) {
        detection.observe(o);
        upstream.ifPresent(u -> u.observed(o));
    }

    private DetectionEngine restore(DetectionEngine.Builder eb, Instant takenAt, InputStream snapshot) {
        try {
            DetectionEngine e = eb.restore(snapshot);
            Logger.info("detector state restored from {} ({} cows)", takenAt, e.cows().size());
            return e;
        } catch (SnapshotException e) {
            Logger.warn("detector checkpoint of {} is unreadable ({}); baselines start afresh", takenAt, e.getMessage());
            return eb.build();
        }
    }

    /** Counts and logs {@code e}; {@code raised} is the gateway's clock when the detector told it (alarm latency). */
    private void count(AlarmEvent e, Instant raised) {
        if (e instanceof AlarmEvent.Raised) {
            activeAlarms.incrementAndGet();
            Logger.info("alarm raised: cow {} {} {} at {}, raised {}", e.alarm().cow().value(), e.alarm().type().jsonName(),
                    e.alarm().severity().jsonName(), e.at(), raised);
        } else if (e instanceof AlarmEvent.Cleared) {
            activeAlarms.decrementAndGet();
            Logger.info("alarm cleared: cow {} {} at {}", e.alarm().cow().value(), e.alarm().type().jsonName(), e.at());
        }
    }

    private void schedule(GatewayConfig c) {
        scheduler = Scheduler.of(settings.clock, c.zone());
        scheduler.every(JobName.of("engine-tick"), TICK, detection::tick);
        // a herd gone quiet saves no counter that would flush the others: a kill must not lose more than the interval
        scheduler.every(JobName.of("counter-flush"), TICK, counters::flushIfDue);
        scheduler.every(JobName.of("checkpoint"), CHECKPOINT, this::checkpointNow);
        rulesSource.ifPresent(source -> scheduler.every(JobName.of("rules-reload"), RULES_POLL, () -> reload(source)));
        scheduler.daily(JobName.of("retention"), c.retention().runAt(), () -> {
            history.flush();
            int n = history.deleteOlderThan(c.retention().features());
            Logger.info("retention: {} feature rows older than {} days deleted", n, c.retention().features().toDays());
        });
        scheduler.daily(JobName.of("daily-summary-log"), c.alarms().dailySummary(), this::logSummary);
        alarmSide.start(scheduler);
        scheduleGuard = ClockJumpGuard.of(settings.clock, settings.ticker, ClockJumpGuard.DEFAULT_TOLERANCE);
        scheduleGuard.addListener(jump -> Logger.warn("{}; escalations keep their remaining delay, calendar jobs re-evaluated"
                + (jump.forward() ? "" : ", observations older than each cow's last are refused until the clock catches up"), jump));
        scheduleGuard.addListener(scheduler);
        scheduleGuard.addListener(jump -> alarmSide.clockStepped(jump.size()));
        if (!settings.manualSchedule) {
            ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "schedule");
                t.setDaemon(true);
                return t;
            });
            loop.scheduleWithFixedDelay(this::runSchedule, 1, 1, TimeUnit.SECONDS);
            track(() -> {
                loop.shutdown();
                loop.awaitTermination(10, TimeUnit.SECONDS);
            });
        }
    }

    private void reload(FileRulesSource source) {
        try {
            Reload r = source.poll();
            if (r instanceof Reload.Applied a) {
                Herd herd = Herd.of(db);
                Rules rules = a.config().rules(cow -> group(herd, cow));
                detection.withEngine(e -> {
                    e.updateRules(rules);
                    return null;
                });
                Logger.info("rules reloaded: {} parameter change(s)", a.audit().changes().size());
            } else if (r instanceof Reload.Rejected rej) {
                Logger.warn("rules file changed but is invalid; previous rules stay in force. first problem: {} ({} in all)",
                        rej.problems().get(0), rej.problems().size());
            }
        } catch (AuditException e) {
            Logger.error("rules file changed but the change could not be audited, not applied: {}", e.getMessage());
        }
    }

    private void logSummary() {
        List<Alarm> active = detection.withEngine(DetectionEngine::activeAlarms);
        Map<String, Integer> byType = new TreeMap<>();
        active.forEach(a -> byType.merge(a.type().jsonName(), 1, Integer::sum));
        Logger.info("daily summary: {} cows observed, {} active alarm(s) {}", detection.cows(), active.size(), byType);
    }

    private void startHttp(GatewayConfig c) {
        ApiToken token;
        try {
            token = ApiToken.loadOrCreate(c.dataDir());
        } catch (ApiTokenException e) {
            throw new GatewayStartException("http", e.getMessage(), e);
        }
        health = HealthCheck.of(HealthSources.builder()
                .started(() -> running)
                .links(() -> links.stream().map(Gateway::linkStatus).toList())
                .collars(() -> CollarCounts.of(pipeline.joinedCollars(), pipeline.joinedCollars()))
                .frames(() -> FrameCounts.of(ingest.stats().handled(), rejections()))
                .activeAlarms(alarmSide::activeAlarms)
                .outboxPending(alarmSide::outboxPending)
                .problems(this::problems)
                .build(), settings.clock, version());
        MetricRegistry metrics = MetricRegistry.create();
        metrics.register(HealthMetrics.of(health));
        alarmSide.register(metrics);
        upstream.ifPresent(u -> metrics.register(u.metrics()));
        metrics.register(this::sampleStreamMetrics);
        List<HttpModule> modules = new ArrayList<>();
        modules.add(HealthModule.of(health));
        modules.add(MetricsModule.of(metrics));
        modules.add(InstallerApi.of(registry, flash));
        modules.addAll(alarmSide.modules());
        modules.addAll(settings.httpModules);
        try {
            http = track(HttpServer.start(HttpSettings.of(c.http().bind(), c.http().port(), HttpSettings.DEFAULT_MAX_REQUEST_BYTES),
                    ApiAuth.of(token), modules));
        } catch (HttpServerException e) {
            throw new GatewayStartException("http", e.getMessage() + "; is another herdgate running? set http.port", e);
        }
    }

    /**
     * {@code herdgate_sample_batches_total{stream=...}}: how each sample batch met its collar's stream
     * (continued, or started one and why); anything but {@code continued} and {@code first} costs the
     * cow her unfinished minute.
     */
    private List<MetricFamily> sampleStreamMetrics() {
        MetricName name = MetricName.of("herdgate_sample_batches_total");
        List<Sample> samples = new ArrayList<>();
        pipeline.sampleStreams().forEach((stream, n) -> samples.add(Sample.of(name, Labels.of("stream", stream), n)));
        return List.of(MetricFamily.of(name, "Sample batches since start, by what they did to their collar's stream.",
                MetricType.COUNTER, samples));
    }

    private List<String> problems() {
        List<String> all = new ArrayList<>(alarmSide.problems());
        upstream.ifPresent(u -> all.addAll(u.problems()));
        return all;
    }

    private Map<String, Long> rejections() {
        Map<String, Long> m = new TreeMap<>();
        pipeline.rejections().snapshot().forEach((reason, n) -> {
            if (n > 0) {
                m.put(reason.name().toLowerCase(java.util.Locale.ROOT), n);
            }
        });
        return m;
    }

    private static LinkStatus linkStatus(Link l) {
        LinkState s = l.state();
        if (s instanceof LinkState.Up) {
            return LinkStatus.of(l.id().value(), io.herdgate.gateway.health.LinkState.UP);
        }
        if (s instanceof LinkState.Down d) {
            return LinkStatus.of(l.id().value(), io.herdgate.gateway.health.LinkState.DOWN, d.error());
        }
        return LinkStatus.of(l.id().value(), s instanceof LinkState.Closed
                ? io.herdgate.gateway.health.LinkState.DOWN : io.herdgate.gateway.health.LinkState.RECONNECTING);
    }

    private static String version() {
        return Optional.ofNullable(Gateway.class.getPackage().getImplementationVersion()).orElse("dev");
    }

    private void startLinks(GatewayConfig c) {
        try {
            c.links().serial().ifPresent(s -> startLink(SerialLink.of(SerialLinkSettings.of(s.device()).withBaud(s.baud()),
                    ingest, settings.clock)));
            c.links().mqtt().ifPresent(m -> startLink(MqttLink.of(mqttSettings(m), ingest, settings.clock)));
        } catch (IllegalArgumentException e) {
            throw new GatewayStartException("links", e.getMessage(), e);
        }
        if (settings.localDownlinks != null) {
            LocalLink l = LocalLink.of(LOCAL_LINK, ingest, settings.localDownlinks, settings.clock);
            startLink(l);
            local = Optional.of(l);
        }
    }

    private static MqttLinkSettings mqttSettings(MqttConfig m) {
        MqttLinkSettings s = MqttLinkSettings.of(m.broker().toString(), m.gatewayName()).withClientId(m.clientId());
        if (m.username().isPresent() && m.passwordFile().isPresent()) {
            s = s.withCredentials(m.username().get(), MqttPassword.fromFile(m.passwordFile().get()));
        }
        return m.caFile().map(s::withCaFile).orElse(s);
    }

    private void startLink(Link link) {
        link.start();
        links.add(track(link));
    }

    /** Returns once the detection engine is free; a stuck engine never returns (the systemd watchdog's probe). */
    public void probe() {
        detection.withEngine(e -> null);
    }

    /** Writes the detector state and the cows' posture references now. */
    public void checkpointNow() {
        try {
            pipeline.savePostures();
        } catch (StoreException e) {
            Logger.error("posture references not saved: {}", e.getMessage());
        }
        // Streamed from the engine into the database under the engine's lock: no copy of the herd's state.
        Instant takenAt = settings.clock.instant();
        detection.withEngine(e -> {
            checkpoints.save(takenAt, e::writeSnapshot);
            return null;
        });
    }

    /**
     * Checks the clock and runs the due scheduled jobs: the schedule thread does it every second; with
     * {@link Builder#manualSchedule()} the caller does (simulations), and then this also waits (at most
     * {@link #DELIVERY_WAIT}) for the outbox's delivery workers to try what is due at the clock's time, so
     * that a simulation's notifications go out in its own time.
     */
    public void runSchedule() {
        try {
            scheduleGuard.check();
            scheduler.runDue();
        } catch (RuntimeException e) {
            Logger.error(e, "schedule run failed");
        }
        if (settings.manualSchedule && !alarmSide.awaitDelivery(DELIVERY_WAIT)) {
            Logger.warn("outbox delivery pass took longer than {}", DELIVERY_WAIT);
        }
    }

    /**
     * Hands a frame to ingest over the local link ({@link Builder#localLink}), waiting while the ingest is full.
     *
     * @return false when the gateway has stopped (or is stopping) and did not take the frame
     * @throws IllegalStateException when the gateway was built without a local link
     */
    public boolean submit(InboundFrame frame) {
        LocalLink l = local.orElseThrow(() -> new IllegalStateException("this gateway has no local link"));
        CompletableFuture<Void> handled = new CompletableFuture<>();
        try {
            l.deliver(frame, () -> handled.complete(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IllegalStateException e) {
            return false; // ingest closed
        }
        lastSubmitted = handled;
        return true;
    }

    /** Waits (at most 30 s) until every frame {@link #submit submitted} before this call has been handled. */
    public void awaitIngest() {
        try {
            lastSubmitted.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("ingest did not handle the submitted frames within 30 s", e);
        }
    }

    /** The scheduler, for parts that add their own jobs (escalations, quiet-hour edges). */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The alarm workflow: alarms, acknowledgements, silences, replies. */
    public AlarmDesk alarmDesk() {
        return alarmSide.desk();
    }

    /** The upstream bridge's state, when {@code upstream:} is configured. */
    public Optional<UpstreamStatus> upstreamStatus() {
        return upstream.map(UpstreamSide::status);
    }

    /** Waits for the warm-up of the alarm path that follows the start to end; true when it has (or none runs). */
    boolean awaitWarmUp(Duration timeout) throws InterruptedException {
        return alarmSide.awaitWarmUp(timeout);
    }

    /** The database, for parts that keep their own tables. */
    public Database database() {
        return db;
    }

    /** The port the HTTP server listens on (the one picked when the configuration said 0). */
    public int httpPort() {
        return http.port();
    }

    /** How long {@link Builder#start()} took, to healthy (HTTP answering, links started), in real time. */
    public Duration startTime() {
        return startTime;
    }

    public GatewayStatus status() {
        var s = ingest.stats();
        return new GatewayStatus(Duration.ofNanos(settings.ticker.nanos() - startNanos), registry.size(), pipeline.joinedCollars(),
                detection.cows(), s.accepted(), s.dropped() + s.failed(), detection.observations(), activeAlarms.get());
    }

    /** Stops everything in the reverse start order; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            running = false;
            long t = System.nanoTime();
            stopStarted();
            Logger.info("herdgate stopped in {} ms", Duration.ofNanos(System.nanoTime() - t).toMillis());
        }
    }

    /** After the ingest has stopped: the last feature rows and the detector state go to the database. */
    private void saveState() {
        try {
            history.flush();
        } catch (StoreException e) {
            Logger.error("feature history not flushed at stop: {}", e.getMessage());
        }
        checkpointNow();
        int cows = detection.withEngine(e -> e.cows().size());
        Logger.info("detector state saved ({} cows)", cows);
    }

    private void stopStarted() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                Logger.error("stopping {} failed: {}", part, e.getMessage());
            }
        }
    }

    private <T extends AutoCloseable> T track(T part) {
        started.push(part);
        return part;
    }

    /** Configures and starts a gateway. */
    public static final class Builder {
        private final GatewayConfig config;
        private Clock clock = Clock.systemUTC();
        private Ticker ticker = Ticker.system();
        private BiConsumer<CollarEui, byte[]> localDownlinks;
        private final List<AlarmListener> alarmListeners = new ArrayList<>();
        private final List<HttpModule> httpModules = new ArrayList<>();
        private FlushPolicy flushPolicy = FlushPolicy.DEFAULT;
        private CollarConfig collarConfig = CollarConfig.defaults();
        private boolean manualSchedule;
        private boolean unsynced;
        private Optional<FlashSettings> firmware = Optional.empty();

        private Builder(GatewayConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The wall clock; default the system UTC clock. */
        public Builder clock(Clock c) {
            clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** The monotonic source the clock is checked against; default {@link System#nanoTime()}. */
        public Builder ticker(Ticker t) {
            ticker = Objects.requireNonNull(t, "ticker");
            return this;
        }

        /**
         * Adds a link inside the process, named {@link #LOCAL_LINK}: frames come in through
         * {@link Gateway#submit}, downlinks routed to it go to {@code downlinks} (on the ingest thread).
         */
        public Builder localLink(BiConsumer<CollarEui, byte[]> downlinks) {
            localDownlinks = Objects.requireNonNull(downlinks, "downlinks");
            return this;
        }

        /** Also told of every alarm event (after the alarm log), on the thread that fed the engine. */
        public Builder alarmListener(AlarmListener l) {
            alarmListeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        public Builder httpModule(HttpModule m) {
            httpModules.add(Objects.requireNonNull(m, "module"));
            return this;
        }

        public Builder flushPolicy(FlushPolicy p) {
            flushPolicy = Objects.requireNonNull(p, "flushPolicy");
            return this;
        }

        /** What collars are told in their join accept; default {@link CollarConfig#defaults()}. */
        public Builder collarConfig(CollarConfig c) {
            collarConfig = Objects.requireNonNull(c, "collarConfig");
            return this;
        }

        /**
         * Enables collar firmware updates (installer API {@code /api/collars/{eui}/firmware}, {@code herdgate
         * flash}) with the vendor key release files must be signed with; without it those routes answer 503.
         */
        public Builder firmware(FlashSettings f) {
            firmware = Optional.of(f);
            return this;
        }

        /** No schedule thread: the caller runs {@link Gateway#runSchedule()} as its simulated time advances. */
        public Builder manualSchedule() {
            manualSchedule = true;
            return this;
        }

        /** Storage that never waits for the disk ({@link Database#openUnsynced}): simulations only. */
        public Builder unsyncedStorage() {
            unsynced = true;
            return this;
        }

        /**
         * Starts the gateway in the documented order.
         *
         * @throws GatewayStartException naming the step that failed; nothing is left running
         */
        public Gateway start() {
            Gateway g = new Gateway(this);
            g.start();
            return g;
        }
    }
}
