package io.herdgate.gateway.runtime;

import io.herdgate.gateway.alarm.AlarmDesk;
import io.herdgate.gateway.alarm.AlarmService;
import io.herdgate.gateway.alarm.AlarmState;
import io.herdgate.gateway.alarm.AlarmView;
import io.herdgate.gateway.chart.ChartSettings;
import io.herdgate.gateway.chart.StoredAlarmChart;
import io.herdgate.gateway.config.GatewayConfig;
import io.herdgate.gateway.config.GpioConfig;
import io.herdgate.gateway.config.SmsConfig;
import io.herdgate.gateway.config.WhatsappConfig;
import io.herdgate.gateway.gpio.BcmPin;
import io.herdgate.gateway.gpio.ButtonPress;
import io.herdgate.gateway.gpio.GpioBoard;
import io.herdgate.gateway.gpio.GpioException;
import io.herdgate.gateway.gpio.GpioSettings;
import io.herdgate.gateway.http.HttpModule;
import io.herdgate.gateway.link.IngestHandler;
import io.herdgate.gateway.metrics.Histogram;
import io.herdgate.gateway.metrics.MetricRegistry;
import io.herdgate.gateway.notify.Channel;
import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.Reply;
import io.herdgate.gateway.notify.ReplyHandler;
import io.herdgate.gateway.outbox.OutboxSettings;
import io.herdgate.gateway.outbox.OutboxState;
import io.herdgate.gateway.rehearsal.AlarmRehearsal;
import io.herdgate.gateway.routing.ContactsFile;
import io.herdgate.gateway.routing.ContactsFileException;
import io.herdgate.gateway.routing.FlapDamping;
import io.herdgate.gateway.routing.OptOuts;
import io.herdgate.gateway.routing.Role;
import io.herdgate.gateway.routing.RoutingConfig;
import io.herdgate.gateway.schedule.JobName;
import io.herdgate.gateway.schedule.Scheduler;
import io.herdgate.gateway.siren.AlarmChange;
import io.herdgate.gateway.siren.SirenPolicy;
import io.herdgate.gateway.siren.SirenSettings;
import io.herdgate.gateway.sms.SmsChannel;
import io.herdgate.gateway.sms.SmsSettings;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.AlarmLog;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.FeatureHistory;
import io.herdgate.gateway.store.SqliteMessageLog;
import io.herdgate.gateway.summary.DailySummaryJob;
import io.herdgate.gateway.summary.HerdSummary;
import io.herdgate.gateway.summary.SummarySettings;
import io.herdgate.gateway.summary.SummarySubscriber;
import io.herdgate.gateway.whatsapp.ApiCheck;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.gateway.whatsapp.TemplateCatalog;
import io.herdgate.gateway.whatsapp.TemplateCatalogException;
import io.herdgate.gateway.whatsapp.WhatsAppChannel;
import io.herdgate.gateway.whatsapp.WhatsAppSettings;
import io.herdgate.gateway.whatsapp.WhatsAppWebhook;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.params.Rules;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * The alarm side of the running gateway, assembled from {@code herdgate.yaml}: the routing of
 * {@code contacts_file}, the outbox and its pump over the channels in order of preference (WhatsApp, then
 * SMS, each if configured), the {@link AlarmDesk} with its API ({@code /api/alarms}, {@code /api/silences}),
 * the WhatsApp webhook (replies and delivery statuses), SMS replies, the siren policy on the GPIO siren with
 * the button to silence it, the status LED, the daily summary, and the frame-to-alarm latency histogram.
 *
 * <p>Every detector event goes to the desk first (it records the alarm), then the siren feed. Desk, outbox
 * and delivery are an {@link AlarmService}: the desk is ticked on the gateway's scheduler, the outbox sent on
 * its own delivery workers, woken as soon as a notification is queued.
 */
final class AlarmSide implements AutoCloseable {

    /** How often the siren and LED follow the alarms. */
    static final Duration SIREN = Duration.ofSeconds(1);
    /** How long stopping waits for the warm-up to close its scratch parts. */
    private static final Duration STOP_WARM_UP = Duration.ofSeconds(5);

    private final GatewayConfig config;
    private final Database db;
    private final Clock clock;
    private final RoutingConfig routing;
    private final AlarmService alarms;
    private final AlarmDesk desk;
    private final List<HttpModule> modules = new ArrayList<>();
    private final List<AutoCloseable> parts = new ArrayList<>();
    private final Optional<GpioBoard> board;
    private final Optional<SirenPolicy> siren;
    /** What the siren was last told of each alarm: its state's class. */
    private final Map<AlarmId, Class<?>> sirenKnows = new HashMap<>();
    private final FrameLatency latency;
    private Optional<WhatsAppChannel> whatsApp = Optional.empty();
    /** The rehearsal of the WhatsApp path, run after its warm-up; empty without WhatsApp. */
    private Optional<AlarmRehearsal> rehearsal = Optional.empty();
    /** The thread warming up, while it runs; {@link #close()} stops it. */
    private volatile Optional<Thread> warming = Optional.empty();
    /** What the WhatsApp warm-up found, once it has run. */
    private volatile Optional<ApiCheck> apiCheck = Optional.empty();

    private AlarmSide(GatewayConfig c, Database db, FeatureHistory history, Rules rules, Clock clock, Map<String, String> env) {
        this.config = c;
        this.db = db;
        this.clock = clock;
        this.routing = c.contactsFile().map(AlarmSide::routing).orElseGet(AlarmSide::nobody);
        this.latency = new FrameLatency(clock);
        SqliteMessageLog messages = SqliteMessageLog.of(db);
        ReplyRelay replies = new ReplyRelay();
        StatusRelay statuses = new StatusRelay();
        List<Channel> channels = new ArrayList<>();
        Optional<WhatsAppSettings> wa = c.whatsapp().map(w -> whatsAppSettings(w, c, env));
        wa.ifPresent(s -> {
            TemplateCatalog templates = templates(c.whatsapp().get());
            this.rehearsal = Optional.of(AlarmRehearsal.of(s, templates, rules, clock, c.alarms().deliveryWorkers()));
            WhatsAppChannel whatsApp = WhatsAppChannel.of(s, templates,
                    StoredAlarmChart.of(AlarmLog.of(db), history, rules, ChartSettings.defaults(c.zone()), clock), messages, clock,
                    OptOuts.of(db)::isOptedOut);
            parts.add(whatsApp);
            channels.add(whatsApp);
            this.whatsApp = Optional.of(whatsApp);
        });
        c.sms().ifPresent(s -> {
            SmsChannel sms = SmsChannel.of(smsSettings(s, c), replies, statuses, clock);
            parts.add(sms);
            channels.add(sms);
        });
        if (channels.isEmpty() && !routing.routes().isEmpty()) {
            Logger.warn("{} routes alarms to contacts but neither whatsapp nor sms is configured: alarms are logged, "
                    + "nobody is told", c.contactsFile().get());
        }
        this.alarms = AlarmService.open(db, routing, OutboxSettings.defaults(), channels, clock);
        parts.add(alarms);
        this.desk = alarms.desk();
        replies.desk = desk;
        statuses.alarms = alarms;
        modules.add(alarms.http());
        wa.ifPresent(s -> modules.add(WhatsAppWebhook.of(s, messages, desk, statuses)));
        this.board = c.gpio().map(AlarmSide::board);
        board.ifPresent(parts::add);
        this.siren = board.map(b -> SirenPolicy.of(SirenSettings.defaults(), b.siren(), clock));
        board.ifPresent(b -> b.pairingButton().addListener(press -> {
            if (press == ButtonPress.SHORT) {
                siren.get().silence();
                Logger.info("siren silenced by the button");
            }
        }));
    }

    /**
     * Builds the alarm side; channels are started by {@link #start()}.
     *
     * @param history the gateway's feature history (alarm charts read it)
     * @param env     where {@code env:} secret references are looked up ({@link System#getenv()})
     * @throws GatewayStartException naming the part (contacts, whatsapp, sms, gpio) that is wrong
     */
    static AlarmSide of(GatewayConfig c, Database db, FeatureHistory history, Rules rules, Clock clock,
                        Map<String, String> env) {
        return new AlarmSide(c, db, history, rules, clock, env);
    }

    private static RoutingConfig routing(Path file) {
        try {
            return ContactsFile.load(file);
        } catch (ContactsFileException e) {
            throw new GatewayStartException("contacts", e.getMessage() + " (herdgate config check lists every problem)", e);
        }
    }

    private static RoutingConfig nobody() {
        return RoutingConfig.of(Map.of(), List.of(), Duration.ZERO, FlapDamping.defaults(), RoutingConfig.DEFAULT_CRITICAL,
                Duration.ZERO);
    }

    private static WhatsAppSettings whatsAppSettings(WhatsappConfig w, GatewayConfig c, Map<String, String> env) {
        try {
            return WhatsAppSettings.of(PhoneNumberId.of(w.phoneNumberId()), Secret.fromFile(w.tokenFile()),
                    Secret.read(w.appSecret(), env), Secret.read(w.verifyToken(), env), c.zone()).withBaseUrl(w.apiUrl());
        } catch (IllegalArgumentException e) {
            throw new GatewayStartException("whatsapp", e.getMessage(), e);
        }
    }

    private static TemplateCatalog templates(WhatsappConfig w) {
        try {
            return w.templatesFile().map(TemplateCatalog::read).orElseGet(TemplateCatalog::bundled);
        } catch (TemplateCatalogException e) {
            throw new GatewayStartException("whatsapp", e.getMessage(), e);
        }
    }

    private static SmsSettings smsSettings(SmsConfig s, GatewayConfig c) {
        SmsSettings d = SmsSettings.defaults(s.modem().toString(), c.zone());
        SmsSettings settings = SmsSettings.of(d.port(), s.baud(), d.zone(), d.commandTimeout(), d.sendTimeout(), d.maxParts(),
                d.deliveryReports(), d.reopenEvery(), Optional.empty());
        try {
            return s.pinFile().map(f -> settings.withSimPin(Secret.fromFile(f).reveal())).orElse(settings);
        } catch (IllegalArgumentException e) {
            throw new GatewayStartException("sms", e.getMessage(), e);
        }
    }

    private static GpioBoard board(GpioConfig g) {
        GpioSettings d = GpioSettings.defaults();
        try {
            return GpioBoard.open(GpioSettings.of(BcmPin.of(g.ledPin()), BcmPin.of(g.sirenPin()), d.sirenActiveHigh(),
                    BcmPin.of(g.buttonPin()), d.debounce(), d.longPress(), d.platform()));
        } catch (GpioException e) {
            throw new GatewayStartException("gpio", e.getMessage(), e);
        }
    }

    /** Opens the SMS modem (in the background) and arms the periodic jobs and daily summaries. */
    void start(Scheduler scheduler) {
        parts.stream().filter(p -> p instanceof SmsChannel).forEach(p -> ((SmsChannel) p).start());
        alarms.start(scheduler, config.alarms().deliveryWorkers());
        scheduler.every(JobName.of("siren"), SIREN, this::followAlarms);
        DailySummaryJob summary = DailySummaryJob.of(summarySettings(), HerdSummary.of(AlarmLog.of(db), summarySettings()),
                alarms.outbox(), OptOuts.of(db), scheduler, clock);
        summary.schedule(routing.contacts().values().stream().filter(ct -> ct.role() != Role.VET)
                .map(ct -> SummarySubscriber.of(ct.recipient(), config.zone())).toList());
    }

    private SummarySettings summarySettings() {
        return SummarySettings.of(config.alarms().dailySummary(), SummarySettings.defaults().lookaheadDays());
    }

    /** Tells the desk one pass's detector events (it records them in one commit) and times the raises. */
    void record(List<AlarmEvent> events) {
        desk.onEvents(events);
        events.stream().filter(e -> e instanceof AlarmEvent.Raised).forEach(e -> latency.raised());
    }

    /**
     * What the ingest runs before each uplink: holds it while critical alarms are being sent, for at most
     * {@link io.herdgate.gateway.outbox.OutboxPump#CRITICAL_GRACE} after the latest began, and returns at once when
     * none is; does nothing when no channel is configured. Resolved once: the pump is fixed at assembly.
     */
    Runnable stepAside() {
        return alarms.pump().<Runnable>map(p -> p.criticalCalls()::stepAside).orElse(() -> { });
    }

    /** {@code handler} with frame arrivals timed up to the alarms they raise. */
    IngestHandler timed(IngestHandler handler) {
        return latency.around(handler);
    }

    /** Registers {@code herdgate_frame_to_alarm_seconds}. */
    void register(MetricRegistry metrics) {
        latency.histogram = Optional.of(metrics.histogram("herdgate_frame_to_alarm_seconds",
                "Time from the arrival of the frame that completed an alarm's minute to the alarm being raised",
                Histogram.LATENCY_SECONDS));
    }

    List<HttpModule> modules() {
        return List.copyOf(modules);
    }

    AlarmDesk desk() {
        return desk;
    }

    /** Waits for a delivery pass that starts now (simulations, after their clock moved); see {@link AlarmService#awaitDelivery}. */
    boolean awaitDelivery(Duration timeout) {
        return alarms.awaitDelivery(timeout);
    }

    /** Active alarms, as the desk knows them. */
    long activeAlarms() {
        return desk.alarms(false).size();
    }

    /** Notifications queued and not yet sent. */
    long outboxPending() {
        Map<OutboxState, Integer> n = alarms.outbox().counts();
        return n.getOrDefault(OutboxState.PENDING, 0) + n.getOrDefault(OutboxState.IN_FLIGHT, 0);
    }

    /** The wall clock was stepped: unsent messages keep their age and wait ({@link AlarmService#clockStepped}). */
    void clockStepped(Duration step) {
        alarms.clockStepped(step);
    }

    /** The gateway's own problems (outbox full, dongle unplugged ...), for /health. */
    List<String> problems() {
        List<String> all = new ArrayList<>(desk.problems().keySet().stream().map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
        apiCheck.flatMap(ApiCheck::healthNote).ifPresent(all::add);
        return List.copyOf(all);
    }

    /**
     * Readies the WhatsApp send path on a thread of its own ({@link WhatsAppChannel#warmUp()}), then rehearses
     * the whole alarm path on scratch parts ({@link AlarmRehearsal}): called once the gateway is healthy, so
     * start-up does not wait for it, and the first alarm does not pay for it. A refused token or phone number id
     * becomes a line of the health report.
     */
    void warmUp() {
        whatsApp.ifPresent(w -> {
            Thread t = new Thread(() -> {
                try {
                    apiCheck = Optional.of(w.warmUp());
                    rehearse();
                } catch (RuntimeException e) {
                    // Only readiness is lost: the first alarm sends on a cold path.
                    Logger.warn("WhatsApp warm-up failed: {}", e.toString());
                } catch (InterruptedException e) {
                    // The gateway is stopping.
                } finally {
                    warming = Optional.empty();
                }
            }, "whatsapp-warm-up");
            t.setDaemon(true);
            warming = Optional.of(t);
            t.start();
        });
    }

    /** Waits for the warm-up started by {@link #warmUp()} to end; true when it has (or none runs). */
    boolean awaitWarmUp(Duration timeout) throws InterruptedException {
        Optional<Thread> t = warming;
        if (t.isPresent()) {
            t.get().join(timeout.toMillis());
            return !t.get().isAlive();
        }
        return true;
    }

    private void rehearse() throws InterruptedException {
        if (rehearsal.isEmpty() || Thread.currentThread().isInterrupted()) {
            return; // none, or the gateway is stopping
        }
        AlarmRehearsal.Rehearsed r = rehearsal.get().run();
        if (r.complete()) {
            Logger.info("alarm path rehearsed: {} made-up critical alarms, {} messages and {} charts to a loopback stand-in "
                    + "in {} ms; nothing was sent to anybody", r.alarms(), r.messages(), r.uploads(), r.took().toMillis());
        } else {
            Logger.warn("alarm path rehearsal incomplete after {} ms ({} of {} messages); the first alarms may be slower",
                    r.took().toMillis(), r.messages(), r.expected());
        }
    }

    /** Feeds alarm state changes to the siren policy, runs its deadlines, and lights the LED for active alarms. */
    private void followAlarms() {
        if (siren.isEmpty()) {
            return;
        }
        List<AlarmView> views = desk.alarms(true);
        Instant now = clock.instant();
        for (AlarmView v : views) {
            Class<?> was = sirenKnows.put(v.id(), v.state().getClass());
            if (was == v.state().getClass()) {
                continue;
            }
            AlarmState s = v.state();
            if (was == null && s instanceof AlarmState.ActiveUnacknowledged) {
                siren.get().onChange(AlarmChange.Raised.of(v.id(), v.severity(), v.raisedAt()));
            } else if (s instanceof AlarmState.ActiveAcknowledged || s instanceof AlarmState.ClearedAcknowledged) {
                siren.get().onChange(AlarmChange.Acknowledged.of(v.id(), now));
            }
            if (s instanceof AlarmState.ClearedUnacknowledged || s instanceof AlarmState.ClearedAcknowledged) {
                siren.get().onChange(AlarmChange.Cleared.of(v.id(), now));
            }
        }
        siren.get().check();
        board.get().statusLed().alarmActive(views.stream().anyMatch(v -> v.state() instanceof AlarmState.ActiveUnacknowledged));
    }

    @Override
    public void close() {
        warming.ifPresent(AlarmSide::stop);
        for (AutoCloseable p : reversed(parts)) {
            try {
                p.close();
            } catch (Exception e) {
                Logger.error("stopping {} failed: {}", p, e.getMessage());
            }
        }
    }

    /** Interrupts the warm-up and waits for it to put its scratch parts away. */
    private static void stop(Thread warmUp) {
        warmUp.interrupt();
        try {
            warmUp.join(STOP_WARM_UP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<AutoCloseable> reversed(List<AutoCloseable> l) {
        List<AutoCloseable> r = new ArrayList<>(l);
        Collections.reverse(r);
        return r;
    }

    /** SMS replies reach the desk, which is built after the channel. */
    private static final class ReplyRelay implements ReplyHandler {
        private volatile AlarmDesk desk;

        @Override
        public void onReply(Reply reply) {
            if (desk != null) {
                desk.onReply(reply);
            }
        }
    }

    /** Delivery statuses (WhatsApp webhook, SMS reports) reach the pump, which is built after the channels. */
    private static final class StatusRelay implements Consumer<DeliveryStatus> {
        private volatile AlarmService alarms;

        @Override
        public void accept(DeliveryStatus status) {
            AlarmService a = alarms;
            if (a != null) {
                a.onStatus(status);
            }
        }
    }
}
