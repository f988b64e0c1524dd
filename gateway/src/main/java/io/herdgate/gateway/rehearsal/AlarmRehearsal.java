package io.herdgate.gateway.rehearsal;

import io.herdgate.gateway.alarm.AlarmService;
import io.herdgate.gateway.chart.ChartSettings;
import io.herdgate.gateway.chart.ChartSource;
import io.herdgate.gateway.chart.StoredAlarmChart;
import io.herdgate.gateway.outbox.OutboxSettings;
import io.herdgate.gateway.routing.ContactsFile;
import io.herdgate.gateway.routing.RoutingConfig;
import io.herdgate.gateway.schedule.Scheduler;
import io.herdgate.gateway.store.AlarmLog;
import io.herdgate.gateway.store.CowRecord;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.FeatureHistory;
import io.herdgate.gateway.store.FlushPolicy;
import io.herdgate.gateway.store.Herd;
import io.herdgate.gateway.store.ScratchDirectory;
import io.herdgate.gateway.store.SqliteMessageLog;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.gateway.whatsapp.TemplateCatalog;
import io.herdgate.gateway.whatsapp.TemplateUse;
import io.herdgate.gateway.whatsapp.WhatsAppChannel;
import io.herdgate.gateway.whatsapp.WhatsAppSettings;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.config.GroupName;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Runs made-up critical alarms through the code a farmer's alarm takes, before any real alarm needs it: the
 * desk records and routes each pass of events in one commit, the outbox hands the rows to delivery workers,
 * the WhatsApp channel renders the critical template and POSTs it with the JDK HTTP client, and the alarm's
 * chart is uploaded and sent after it (really drawn for the first {@link #CHARTS_DRAWN} alarms). Everything is
 * scratch: a database in a temporary directory (deleted afterwards), contacts and cows of its own, and a
 * stand-in API on the loopback interface, so nothing reaches a farmer, the Cloud API or the gateway's
 * database, and no alarm is counted.
 *
 * <p>Why: the first alarms after a start spent 20–40 ms per step in class loading, linking and the
 * interpreter (the gateway runs C1 only, with one compiler thread). What stays cold: the gateway's own
 * database connection and delivery threads, and on {@code https} the TLS and HTTP/2 code (the stand-in speaks
 * HTTP/1.1).
 */
public final class AlarmRehearsal {

    /** Passes of detector events rehearsed, one after another. */
    static final int PASSES = 3;
    /** Alarms per pass, each to a scratch contact of its own (WhatsApp's pair rate does not hold them). */
    static final int PER_PASS = 4;
    /** How long the whole rehearsal may take before it is given up (the gateway runs on regardless). */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Charts really drawn (from the scratch store); a drawing costs about as much CPU as all the rest. */
    static final int CHARTS_DRAWN = 2;
    /** The channel's throughput limit for the rehearsal: the highest allowed, far above its messages. */
    private static final int MOST_PER_SECOND = 1000;
    /** How often the rehearsal looks whether the channel has recorded the messages of a pass. */
    private static final long POLL_MILLIS = 10;
    /** Access token, app secret and verify token of the scratch channel. */
    private static final Secret SCRATCH_TOKEN = Secret.of("rehearsal");
    /** The types critical by default, rehearsed in turn. */
    private static final List<AlarmType> TYPES = List.of(AlarmType.NO_MOTION, AlarmType.CALVING);

    private final WhatsAppSettings settings;
    private final TemplateCatalog templates;
    private final Rules rules;
    private final Clock clock;
    private final int workers;

    private AlarmRehearsal(WhatsAppSettings settings, TemplateCatalog templates, Rules rules, Clock clock, int workers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workers = workers;
    }

    /**
     * A rehearsal of the gateway's WhatsApp path.
     *
     * @param settings  the gateway's WhatsApp settings (the API root is replaced by the stand-in's, the rate limits
     *                  lifted)
     * @param templates the gateway's template catalog
     * @param rules     the gateway's rules (the chart reads the baseline parameters from them)
     * @param clock     the gateway's clock (the scratch alarms are raised at its now)
     * @param workers   delivery workers, as the gateway runs them (1..16)
     */
    public static AlarmRehearsal of(WhatsAppSettings settings, TemplateCatalog templates, Rules rules, Clock clock,
                                    int workers) {
        return new AlarmRehearsal(settings, templates, rules, clock, workers);
    }

    /**
     * Runs the rehearsal; blocks until the channel has sent and recorded every message expected (each alarm's,
     * and its chart's), or {@link #PATIENCE} passed; then closes and deletes every scratch part.
     *
     * @throws InterruptedException when the gateway stops meanwhile (the scratch parts are closed and deleted first)
     * @throws UncheckedIOException when the scratch directory cannot be made
     */
    public Rehearsed run() throws InterruptedException {
        long start = System.nanoTime();
        Path dir;
        try {
            dir = Files.createTempDirectory("herdgate-rehearsal");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch directory for the alarm rehearsal", e);
        }
        try (StandInApi api = StandInApi.start();
             Database db = Database.openUnsynced(dir.resolve("rehearsal.db"))) {
            int alarms = PASSES * PER_PASS;
            RoutingConfig routing = ContactsFile.parse(contacts(alarms), "rehearsal contacts");
            for (int i = 0; i < alarms; i++) {
                Herd.of(db).save(CowRecord.of(cow(i), Optional.of(group(i)), Optional.empty(), Optional.empty()));
            }
            // No rate limits (the stand-in has none; the gateway's clock may stand still in a simulation): each
            // chart follows its alarm at once, as a real one does a pair interval later.
            ChartSource stored = StoredAlarmChart.of(AlarmLog.of(db), FeatureHistory.of(db, FlushPolicy.DEFAULT, clock), rules,
                    ChartSettings.defaults(settings.zone()), clock);
            // One drawing loads and links the chart code; the other alarms carry the channel's stand-in picture.
            AtomicInteger drawn = new AtomicInteger();
            ChartSource charts = alarm -> drawn.getAndIncrement() < CHARTS_DRAWN ? stored.chart(alarm) : Optional.empty();
            // The stand-in, no rate limits, and a made-up token: the real one never leaves for the loopback.
            WhatsAppSettings scratch = new WhatsAppSettings(api.root(), settings.apiVersion(), settings.phoneNumberId(),
                    SCRATCH_TOKEN, SCRATCH_TOKEN, SCRATCH_TOKEN, settings.timeout(), MOST_PER_SECOND, Duration.ZERO,
                    settings.zone());
            WhatsAppChannel channel = WhatsAppChannel.of(scratch, templates, charts, SqliteMessageLog.of(db), clock);
            AlarmService service = AlarmService.open(db, routing, OutboxSettings.defaults(), List.of(channel), clock);
            try {
                service.start(Scheduler.of(clock, settings.zone()), workers);
                long deadline = start + PATIENCE.toNanos();
                int expected = 0;
                for (int pass = 0; pass < PASSES; pass++) {
                    List<AlarmEvent> events = events(pass);
                    service.desk().onEvents(events);
                    expected += events.stream().mapToInt(e -> messagesFor(e.alarm().type())).sum();
                    // Counted once the channel has recorded each send: the answer is back, nothing is cut off by closing.
                    if (!await(() -> sentRecorded(db), expected, deadline)) {
                        break;
                    }
                }
                return new Rehearsed(alarms, expected, sentRecorded(db), api.uploads(),
                        Duration.ofNanos(System.nanoTime() - start));
            } finally {
                closeUninterrupted(service, channel);
            }
        } finally {
            ScratchDirectory.delete(dir);
        }
    }

    /**
     * What the rehearsal did: alarms raised, messages expected (a critical template's chart is a message of its
     * own), messages the channel sent and recorded, chart uploads the stand-in took, how long it all took.
     */
    public record Rehearsed(int alarms, int expected, int messages, int uploads, Duration took) {

        /** Every message expected went through. */
        public boolean complete() {
            return messages >= expected;
        }
    }

    /**
     * Two when the catalog sends the type's critical alarm at once and its chart after it, one when it has only
     * the type's alarm template, none when it has neither (the channel sends nothing, and nothing is waited for).
     */
    private int messagesFor(AlarmType type) {
        if (templates.forUse(TemplateUse.criticalAlarm(type)).isPresent()) {
            return templates.forUse(TemplateUse.alarmChart()).isPresent() ? 2 : 1;
        }
        return templates.forUse(TemplateUse.alarm(type)).isPresent() ? 1 : 0;
    }

    /**
     * Closes the scratch service, then the channel, even when the gateway's stop interrupted this thread (a
     * join would give up at once and leave the workers on a closed database); the interrupt is kept for the
     * caller.
     */
    private static void closeUninterrupted(AlarmService service, WhatsAppChannel channel) throws InterruptedException {
        boolean interrupted = Thread.interrupted();
        try {
            service.close();
        } finally {
            try {
                channel.close();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private List<AlarmEvent> events(int pass) {
        Instant now = clock.instant();
        List<AlarmEvent> events = new ArrayList<>();
        for (int k = 0; k < PER_PASS; k++) {
            int i = pass * PER_PASS + k;
            AlarmType type = TYPES.get(i % TYPES.size());
            Explanation why = Explanation.of("still_min", 35, OptionalDouble.empty(), 30, Duration.ofMinutes(35), Map.of());
            events.add(AlarmEvent.Raised.of(Alarm.of(cow(i), type, now, Severity.CRITICAL, why)));
        }
        return events;
    }

    private static int sentRecorded(Database db) {
        return db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM whatsapp_sent")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private static boolean await(IntSupplier count, int target, long deadline) throws InterruptedException {
        while (count.getAsInt() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    private static CowId cow(int i) {
        return CowId.of("rehearsal-" + i);
    }

    private static GroupName group(int i) {
        return GroupName.of("rehearsal-" + i);
    }

    /** One contact and one critical route per scratch cow; phone numbers from the fictional +1 555 range. */
    private static String contacts(int n) {
        StringBuilder contacts = new StringBuilder("contacts:\n");
        StringBuilder routes = new StringBuilder("routes:\n");
        for (int i = 0; i < n; i++) {
            contacts.append("""
                      - id: rehearsal-%d
                        name: Rehearsal %d
                        phone: "+1555010%04d"
                        language: en
                        role: farmer
                        opt-in: {at: 2026-01-01, how: rehearsal}
                    """.formatted(i, i, i));
            routes.append("""
                      - name: rehearsal-%d
                        severity: critical
                        groups: [rehearsal-%d]
                        chain:
                          - contact: rehearsal-%d
                    """.formatted(i, i, i));
        }
        return contacts + routes.toString() + "grouping: {window: 0m}\n";
    }
}
