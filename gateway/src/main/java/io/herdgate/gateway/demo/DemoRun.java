package io.herdgate.gateway.demo;

import io.herdgate.gateway.config.GatewayConfig;
import io.herdgate.gateway.config.HttpConfig;
import io.herdgate.gateway.runtime.Gateway;
import io.herdgate.gateway.runtime.GatewayStatus;
import io.herdgate.gateway.store.AlarmLog;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.ScratchDirectory;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.sim.event.Episode;
import io.herdgate.sim.herd.CowId;
import io.herdgate.sim.herd.EventSchedule;
import io.herdgate.sim.herd.EventSpec;
import io.herdgate.sim.herd.HerdConfig;
import io.herdgate.sim.herd.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Optional;
import java.net.URI;
import io.herdgate.gateway.schedule.JobName;
import java.util.stream.Stream;

/**
 * The demo through the real gateway: a simulated herd whose collars join with their root keys and send
 * authenticated frames to a running {@link Gateway} (SQLite store in its data directory, detection,
 * scheduler, HTTP), in simulated time. Alarms go through the alarm desk, the durable outbox and the
 * WhatsApp channel to the fake Cloud API, whose page shows what the farmer's phone received. The warm-up (the days before the first injected event, while
 * the cows' baselines are learnt) runs as fast as the machine allows; from the first event on, each
 * simulated hour takes {@link DemoSettings#pace()} of real time so the alarms can be watched arriving.
 */
public final class DemoRun {

    private static final Duration STEP = Duration.ofHours(1);

    private final DemoSettings settings;
    private final Consumer<AlarmEvent> alarmEvents;
    private final Consumer<Instant> progress;
    private volatile boolean stopped;

    private DemoRun(DemoSettings settings, Consumer<AlarmEvent> alarmEvents, Consumer<Instant> progress) {
        this.settings = settings;
        this.alarmEvents = alarmEvents;
        this.progress = progress;
    }

    /**
     * @param alarmEvents told of every raised, updated and cleared alarm as it happens
     * @param progress    told the simulated time after every simulated hour
     */
    public static DemoRun of(DemoSettings settings, Consumer<AlarmEvent> alarmEvents, Consumer<Instant> progress) {
        return new DemoRun(Objects.requireNonNull(settings, "settings"), alarmEvents, progress);
    }

    /** The herd the run will simulate (for listing its scheduled events before running). */
    public HerdConfig herdConfig() {
        HerdConfig c = HerdConfig.of(settings.cows(), settings.seed(), settings.start(), settings.span());
        return settings.story() ? c.withScript(DemoStory.of(settings.cows(), settings.start(), settings.span()))
                : c.withEvents(EventSpec.parse(settings.events(), settings.cows()));
    }

    /**
     * The end of the warm-up, so that the cows' baselines are learnt first: for the story two days before
     * the end (at least a third of the run); for drawn events a third of the run, at most 3 days.
     */
    public Instant warmupEnd() {
        if (settings.story()) {
            return DemoStory.warmupEnd(settings.start(), settings.span());
        }
        Duration third = settings.span().dividedBy(3);
        return settings.start().plus(third.compareTo(Duration.ofDays(3)) < 0 ? third : Duration.ofDays(3));
    }

    /** Ends a running {@link #run} after the current simulated hour (from any thread). */
    public void stop() {
        stopped = true;
    }

    /**
     * Runs the herd and the gateway to the end of the span (or {@link #stop()}), then stops the gateway.
     *
     * @param started told the running gateway and the page of the farmer's phone before simulated time starts
     * @throws IllegalArgumentException when the given data directory is not empty
     */
    public DemoReport run(BiConsumer<Gateway, URI> started) {
        long wall0 = System.nanoTime();
        HerdConfig config = herdConfig();
        Path dir = dataDir();
        ManualClock clock = ManualClock.of(settings.start());
        SimulatedFarm farm = SimulatedFarm.of(config, clock);
        try (Database db = Database.openUnsynced(dir.resolve(Gateway.DATABASE_FILE))) {
            farm.register(db);
        }
        Map<String, Alarm> alarms = new LinkedHashMap<>();
        AtomicReference<DemoPhone> phone = new AtomicReference<>();
        GatewayConfig gc = GatewayConfig.of(dir, config.zone()).withHttp(HttpConfig.of("127.0.0.1", settings.httpPort()));
        Instant end = settings.start().plus(settings.span());
        Instant paceFrom = warmupEnd();
        try (Gateway g = Gateway.builder(gc).clock(clock).ticker(() -> nanos(clock)).manualSchedule().unsyncedStorage()
                .localLink(farm::send).alarmListener(e -> {
                    alarms.put(e.alarm().cow().value() + "/" + e.alarm().type() + "/" + e.alarm().raisedAt(), e.alarm());
                    alarmEvents.accept(e);
                    Optional.ofNullable(phone.get()).ifPresent(p -> p.onEvent(e));
                }).start();
             DemoPhone p = DemoPhone.start(g.database(), clock, config.zone(), 0)) {
            phone.set(p);
            g.scheduler().every(JobName.of("demo-phone"), Duration.ofSeconds(30), p::tick);
            farm.attach(g);
            started.accept(g, p.page());
            for (Instant t = settings.start(); t.isBefore(end) && !stopped; ) {
                long hourStart = System.nanoTime();
                t = t.plus(STEP).isAfter(end) ? end : t.plus(STEP);
                farm.advanceTo(t);
                progress.accept(t);
                if (t.isAfter(paceFrom)) {
                    pause(settings.pace().minusNanos(System.nanoTime() - hourStart));
                }
            }
            g.awaitIngest();
            GatewayStatus s = g.status();
            AlarmLog log = AlarmLog.of(g.database());
            int stored = farm.herd().members().stream()
                    .mapToInt(m -> log.of(SimulatedFarm.cowOf(m), settings.start(), end.plus(Duration.ofDays(1))).size())
                    .sum();
            p.tick();
            int received = p.received();
            Duration startTime = g.startTime();
            g.close();
            List<Alarm> raised = List.copyOf(alarms.values());
            return new DemoReport(s.framesAccepted(), s.framesRejected(), s.observations(), raised,
                    outcomes(farm.herd().schedule(), raised), stored, received, dir, startTime,
                    Duration.ofNanos(System.nanoTime() - wall0));
        } finally {
            if (settings.dataDir().isEmpty()) {
                ScratchDirectory.delete(dir);
            }
        }
    }

    /** Each injected event with the first alarm of its type on its cow (see {@link EventOutcome}), in start order. */
    static List<EventOutcome> outcomes(EventSchedule schedule, List<Alarm> alarms) {
        List<EventOutcome> out = new ArrayList<>();
        for (CowId cow : schedule.eventfulCows()) {
            for (Episode e : schedule.episodes(cow)) {
                Optional<Alarm> first = alarms.stream().filter(a -> EventOutcome.matches(cow, e, a))
                        .min(Comparator.comparing(Alarm::raisedAt));
                out.add(new EventOutcome(cow, e, EventOutcome.expectedType(e), first));
            }
        }
        out.sort(Comparator.comparing((EventOutcome o) -> o.episode().start()).thenComparing(EventOutcome::cow));
        return List.copyOf(out);
    }

    private Path dataDir() {
        try {
            if (settings.dataDir().isEmpty()) {
                return Files.createTempDirectory("herdgate-demo-");
            }
            Path dir = settings.dataDir().get();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException("data directory " + dir + " is not empty; the demo needs a new or empty one");
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo's data directory: " + e.getMessage(), e);
        }
    }

    private static long nanos(ManualClock clock) {
        Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private void pause(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
