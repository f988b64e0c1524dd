package io.herdgate.gateway.runtime;

import io.herdgate.gateway.config.GatewayConfig;
import io.herdgate.gateway.http.HttpModule;
import io.herdgate.gateway.ingest.CollarDirectory;
import io.herdgate.gateway.ingest.DownlinkSender;
import io.herdgate.gateway.ingest.FramePipeline;
import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.gateway.schedule.ClockJumpGuard;
import io.herdgate.gateway.schedule.JobName;
import io.herdgate.gateway.schedule.Scheduler;
import io.herdgate.gateway.schedule.Ticker;
import io.herdgate.gateway.store.AlarmLog;
import io.herdgate.gateway.store.Checkpoint;
import io.herdgate.gateway.store.Checkpoints;
import io.herdgate.gateway.store.CowRecord;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.FeatureHistory;
import io.herdgate.gateway.store.FlushPolicy;
import io.herdgate.gateway.store.Herd;
import io.herdgate.gateway.store.PairingHistory;
import io.herdgate.gateway.store.SqliteAuditSink;
import io.herdgate.gateway.store.SqliteCounterStore;
import io.herdgate.gateway.store.StoreException;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 *   <li>feature history, alarm log, frame counters, pairings and the frame pipeline on the ingest thread;</li>
 *   <li>scheduler: engine tick every minute, history flush, checkpoint every 15 minutes, rules reload
 *       every 10 s, daily retention and summary; the clock-jump guards;</li>
 *   <li>HTTP (health and every module's routes);</li>
 *   <li>links, last, so no frame arrives before everything behind them is ready.</li>
 * </ol>
 * {@link #close()} stops in reverse: links, HTTP, scheduler, the ingest queue (queued frames are still
 * handled), then flushes the feature history, writes a final checkpoint and closes the database.
 *
 * <p>Clock steps: the ingest thread and the schedule thread each check a {@link ClockJumpGuard}. A step
 * forward makes the engine {@link DetectionEngine#resumeAt resume} at the new time (no offline alarm for
 * every cow); a step back leaves the engine waiting until the wall clock passes the newest observation
 * (observations dated before a cow's last one are refused as out of order and counted). The scheduler
 * keeps escalations' remaining delays and re-evaluates calendar jobs.
 */
public final class Gateway implements AutoCloseable {

    /** How often the engine's watermark follows the clock (offline detection). */
    public static final Duration TICK = Duration.ofMinutes(1);
    /** How often the detector state is written (a power cut loses at most this much learning). */
    public static final Duration CHECKPOINT = Duration.ofMinutes(15);
    /** How often the rules file is checked for changes. */
    public static final Duration RULES_POLL = Duration.ofSeconds(10);
    /** The database file in the data directory. */
    public static final String DATABASE_FILE = "herdgate.db";
    /** Collar network id announced in join accepts ("HG"). */
    public static final int NETWORK_ID = 0x00_48_47;

    private final Builder settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger activeAlarms = new AtomicInteger();
    private final long startNanos;
    /** Machine time, not gateway time: start-up is measured in real milliseconds even in a simulation. */
    private final long startedAtNanos;
    private Database db;
    private DetectionEngine engine;
    private FeatureHistory history;
    private Checkpoints checkpoints;
    private Ingest ingest;
    private Scheduler scheduler;
    private ClockJumpGuard scheduleGuard;
    private WebServer web;
    private Optional<FileRulesSource> rulesSource = Optional.empty();
    private int paired;
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
        try {
            openDatabase(c);
            Rules rules = rules(c);
            buildIngest(c, rules);
            schedule(c);
            List<HttpModule> modules = new ArrayList<>();
            modules.add(new StatusModule(this::status));
            modules.addAll(settings.httpModules);
            web = track(WebServer.start(c.http(), modules));
            for (Link link : settings.links) {
                link.start(this::submit);
                track(link);
            }
        } catch (RuntimeException e) {
            stopStarted();
            throw e instanceof GatewayStartException ge ? ge : new GatewayStartException("assembly", e.getMessage(), e);
        }
        startTime = Duration.ofNanos(System.nanoTime() - startedAtNanos);
        Logger.info("herdgate started in {} ms: {} paired collars, {} cows with a baseline, http port {}, data {}",
                startTime.toMillis(), paired, engine.cows().size(), web.port(), c.dataDir());
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
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
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
        AlarmLog alarmLog = AlarmLog.of(db);
        List<AlarmListener> listeners = new ArrayList<>(settings.alarmListeners);
        AlarmListener all = event -> {
            alarmLog.onEvent(event);
            count(event);
            for (AlarmListener l : listeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    Logger.error(e, "alarm listener failed on {}", event);
                }
            }
        };
        DetectionEngine.Builder eb = DetectionEngine.builder().rules(rules).clock(clock).zone(c.zone()).listener(all);
        checkpoints = Checkpoints.of(db);
        Optional<Checkpoint> last = checkpoints.latest();
        engine = last.map(cp -> restore(eb, cp)).orElseGet(eb::build);
        // Alarms still active in the restored state are already in the alarm log.
        activeAlarms.set(engine.activeAlarms().size());
        engine.resumeAt(clock.instant());
        history = FeatureHistory.of(db, settings.flushPolicy, clock);
        SqliteCounterStore counters = SqliteCounterStore.of(db);
        CollarDirectory directory = CollarDirectory.of(PairingHistory.of(db).current());
        paired = directory.size();
        Ingest[] self = new Ingest[1];
        FramePipeline pipeline = FramePipeline.builder(directory,
                        JoinServer.of(NETWORK_ID, directory, counters, clock, new SplittableRandom(new SecureRandom().nextLong())),
                        counters)
                .downlinks(settings.downlinks)
                .collarConfig(settings.collarConfig)
                .observations(o -> {
                    self[0].observed();
                    engine.accept(o);
                    history.append(o);
                })
                .build();
        ClockJumpGuard guard = ClockJumpGuard.of(clock, settings.ticker, ClockJumpGuard.DEFAULT_TOLERANCE);
        guard.addListener(jump -> {
            if (jump.forward()) {
                engine.resumeAt(jump.actual());
            }
        });
        ingest = new Ingest(pipeline, engine, history, guard);
        ingest.cows(engine.cows().size());
        self[0] = ingest;
        track(this::stopIngest);
    }

    private DetectionEngine restore(DetectionEngine.Builder eb, Checkpoint cp) {
        try {
            DetectionEngine e = eb.restore(cp.snapshot());
            Logger.info("detector state restored from {} ({} cows)", cp.takenAt(), e.cows().size());
            return e;
        } catch (SnapshotException e) {
            Logger.warn("detector checkpoint of {} is unreadable ({}); baselines start afresh", cp.takenAt(), e.getMessage());
            return eb.build();
        }
    }

    private void count(AlarmEvent e) {
        if (e instanceof AlarmEvent.Raised) {
            activeAlarms.incrementAndGet();
            Logger.info("alarm raised: cow {} {} {} at {}", e.alarm().cow().value(), e.alarm().type().jsonName(),
                    e.alarm().severity().jsonName(), e.at());
        } else if (e instanceof AlarmEvent.Cleared) {
            activeAlarms.decrementAndGet();
            Logger.info("alarm cleared: cow {} {} at {}", e.alarm().cow().value(), e.alarm().type().jsonName(), e.at());
        }
    }

    private void schedule(GatewayConfig c) {
        scheduler = Scheduler.of(settings.clock, c.zone());
        scheduler.every(JobName.of("engine-tick"), TICK, ingest::tick);
        scheduler.every(JobName.of("checkpoint"), CHECKPOINT, this::checkpointNow);
        rulesSource.ifPresent(source -> scheduler.every(JobName.of("rules-reload"), RULES_POLL, () -> reload(source)));
        scheduler.daily(JobName.of("retention"), c.retention().runAt(), () -> {
            int n = ingest.onEngine(() -> {
                history.flush();
                return history.deleteOlderThan(c.retention().features());
            });
            Logger.info("retention: {} feature rows older than {} days deleted", n, c.retention().features().toDays());
        });
        scheduler.daily(JobName.of("daily-summary"), c.alarms().dailySummary(), this::logSummary);
        scheduleGuard = ClockJumpGuard.of(settings.clock, settings.ticker, ClockJumpGuard.DEFAULT_TOLERANCE);
        scheduleGuard.addListener(jump -> Logger.warn("{}; escalations keep their remaining delay, calendar jobs re-evaluated"
                + (jump.forward() ? "" : ", observations older than each cow's last are refused until the clock catches up"), jump));
        scheduleGuard.addListener(scheduler);
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
                ingest.onEngine(() -> {
                    engine.updateRules(rules);
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
        List<Alarm> active = ingest.onEngine(engine::activeAlarms);
        Map<String, Integer> byType = new TreeMap<>();
        active.forEach(a -> byType.merge(a.type().jsonName(), 1, Integer::sum));
        Logger.info("daily summary: {} cows observed, {} active alarm(s) {}", engine.cows().size(), active.size(), byType);
    }

    /** Writes the detector state now, on the ingest thread. */
    public void checkpointNow() {
        ingest.onEngine(() -> {
            checkpoints.save(Checkpoint.of(settings.clock.instant(), engine.snapshot()));
            return null;
        });
    }

    /**
     * Checks the clock and runs the due scheduled jobs: the schedule thread does it every second; with
     * {@link Builder#manualSchedule()} the caller does (simulations).
     */
    public void runSchedule() {
        try {
            scheduleGuard.check();
            scheduler.runDue();
        } catch (RuntimeException e) {
            Logger.error(e, "schedule run failed");
        }
    }

    /**
     * Hands a frame to ingest (what links call, from any thread).
     *
     * @return false when the ingest queue is full or the gateway is stopping; the frame is counted as rejected
     */
    public boolean submit(InboundFrame frame) {
        return ingest.submit(frame);
    }

    /** Waits until every frame submitted before this call has been handled. */
    public void awaitIngest() {
        ingest.onEngine(() -> null);
    }

    /** The scheduler, for parts that add their own jobs (escalations, quiet-hour edges). */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The database, for parts that keep their own tables. */
    public Database database() {
        return db;
    }

    /** The port the HTTP server listens on (the one picked when the configuration said 0). */
    public int httpPort() {
        return web.port();
    }

    /** How long {@link Builder#start()} took, to healthy (HTTP answering, links started). */
    public Duration startTime() {
        return startTime;
    }

    public GatewayStatus status() {
        return new GatewayStatus(Duration.ofNanos(settings.ticker.nanos() - startNanos), paired, ingest.joined(), ingest.cows(),
                ingest.accepted(), ingest.rejected(), ingest.observations(), activeAlarms.get());
    }

    /** Stops everything in the reverse start order; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            long t = System.nanoTime();
            stopStarted();
            Logger.info("herdgate stopped in {} ms", Duration.ofNanos(System.nanoTime() - t).toMillis());
        }
    }

    private void stopIngest() {
        ingest.drain(Duration.ofSeconds(10));
        // The ingest thread has ended: this thread may touch the engine and history now.
        try {
            history.flush();
        } catch (StoreException e) {
            Logger.error("feature history not flushed at stop: {}", e.getMessage());
        }
        checkpoints.save(Checkpoint.of(settings.clock.instant(), engine.snapshot()));
        Logger.info("detector state saved ({} cows)", engine.cows().size());
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

    /** A source of frames (serial dongle, MQTT, the demo's herd): started last, stopped first. */
    public interface Link extends AutoCloseable {

        /** Starts delivering frames to {@code frames} (from any thread). */
        void start(java.util.function.Predicate<InboundFrame> frames);

        @Override
        void close();
    }

    /** Configures and starts a gateway. */
    public static final class Builder {
        private final GatewayConfig config;
        private Clock clock = Clock.systemUTC();
        private Ticker ticker = Ticker.system();
        private DownlinkSender downlinks = (eui, frame) -> Logger.warn("no link to send a downlink to collar {}", eui);
        private final List<AlarmListener> alarmListeners = new CopyOnWriteArrayList<>();
        private final List<HttpModule> httpModules = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private FlushPolicy flushPolicy = FlushPolicy.DEFAULT;
        private boolean manualSchedule;
        private boolean unsynced;
        private CollarConfig collarConfig = CollarConfig.defaults();

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

        /** Where join accepts and other downlinks go. */
        public Builder downlinks(DownlinkSender d) {
            downlinks = Objects.requireNonNull(d, "downlinks");
            return this;
        }

        /** Also told of every alarm event (after the alarm log), on the ingest thread. */
        public Builder alarmListener(AlarmListener l) {
            alarmListeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        public Builder httpModule(HttpModule m) {
            httpModules.add(Objects.requireNonNull(m, "module"));
            return this;
        }

        public Builder link(Link l) {
            links.add(Objects.requireNonNull(l, "link"));
            return this;
        }

        public Builder flushPolicy(FlushPolicy p) {
            flushPolicy = Objects.requireNonNull(p, "flushPolicy");
            return this;
        }

        /** Storage that never waits for the disk ({@link Database#openUnsynced}): simulations only. */
        public Builder unsyncedStorage() {
            unsynced = true;
            return this;
        }

        /** What collars are told in their join accept; default {@link CollarConfig#defaults()}. */
        public Builder collarConfig(CollarConfig c) {
            collarConfig = Objects.requireNonNull(c, "collarConfig");
            return this;
        }

        /** No schedule thread: the caller runs {@link Gateway#runSchedule()} as its simulated time advances. */
        public Builder manualSchedule() {
            manualSchedule = true;
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
