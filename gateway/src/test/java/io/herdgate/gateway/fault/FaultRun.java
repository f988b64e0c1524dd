package io.herdgate.gateway.fault;

import io.herdgate.gateway.link.MqttLinkSettings;
import io.herdgate.gateway.link.SimulatedDongle;
import io.herdgate.gateway.link.SimulatedMqttRadio;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.phone.Delivered;
import io.herdgate.gateway.phone.Fault;
import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
import io.herdgate.gateway.runtime.Gateway;
import io.herdgate.gateway.store.CollarRecord;
import io.herdgate.gateway.store.Collars;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.PairingHistory;
import io.herdgate.gateway.store.StoredAlarm;
import io.herdgate.gateway.store.AlarmLog;
import io.herdgate.gateway.testing.Mosquitto;
import io.herdgate.gateway.testing.PtyPair;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.HerdConfig;
import io.herdgate.sim.herd.HerdMember;
import io.herdgate.sim.herd.ManualClock;
import io.herdgate.sim.herd.SimulatedHerd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of the fault suite (see the package description): sets up mosquitto, a socat pair with a
 * simulated dongle, the fake Cloud API and a gateway child from its configuration file; runs a simulated
 * herd minute by minute while applying the {@link FaultPlan}; then lets the gateway drain (no faults) and
 * traces every alarm in the gateway's alarm log to a delivered WhatsApp message or to the desk's stated
 * reason for not sending it.
 */
final class FaultRun {

    /**
     * @param seed   herd, events and faults derive from it
     * @param cows   herd size; the even collars use MQTT, the odd ones the serial dongle
     * @param span   simulated time during which faults happen
     * @param faults how many faults (every kind at least once from 6)
     */
    record Settings(long seed, int cows, Duration span, int faults) {
    }

    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    /** Longest drain after the faults: a long outage's retries must get through. */
    static final Duration MAX_DRAIN = Duration.ofHours(12);
    /** A stalled gateway is noted, not waited for forever. */
    private static final long QUIET_WAIT_MS = 10_000;
    private static final PhoneNumber ANNA = PhoneNumber.of("+4915112345678");
    private static final String PHONE_ID = "106540352242922";
    private static final Secret TOKEN = Secret.of("fault-suite-token");
    private static final Secret APP_SECRET = Secret.of("fault-suite-app-secret");
    private static final Fault[] STORMS = {Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.UNAVAILABLE};

    private final Settings settings;
    private final Path dir;
    private final ManualClock clock = ManualClock.of(START);
    private final BlockingQueue<byte[]> downlinks = new LinkedBlockingQueue<>();
    private final Map<FaultKind, Integer> applied = new EnumMap<>(FaultKind.class);
    private final Map<Long, GatewayChild.DeskLine> desk = new HashMap<>();
    private final List<GatewayChild.Frames> lives = new ArrayList<>();
    private Mosquitto broker;
    private FakeCloudApi phones;
    private PtyPair pty;
    private SimulatedMqttRadio radio;
    private SimulatedDongle dongle;
    private SimulatedHerd herd;
    private GatewayChild child;
    private Path config;
    private GatewayChild.Frames last = new GatewayChild.Frames(0, 0, 0);
    private long published;
    private long publishedAtLifeStart;
    private long slowMinutes;
    private long offsetMs;
    /** Frames a link still held (buffered by a collar or the dongle) when the gateway was killed. */
    private long inFlightAtKills;

    private FaultRun(Settings settings, Path dir) {
        this.settings = settings;
        this.dir = dir;
    }

    static FaultReport run(Settings settings, Path dir) throws Exception {
        return new FaultRun(settings, dir).run();
    }

    private FaultReport run() throws Exception {
        FaultPlan plan = FaultPlan.random(settings.seed(), settings.faults(), settings.span());
        HerdConfig herdConfig = HerdConfig.of(settings.cows(), settings.seed(), START, settings.span())
                .withEvents(events(settings.cows()));
        long realStart = System.nanoTime();
        try (Mosquitto b = Mosquitto.plain().start();
             FakeCloudApi p = FakeCloudApi.start(FakeCloudApiSettings.of(PhoneNumberId.of(PHONE_ID), TOKEN, APP_SECRET, clock));
             PtyPair pair = PtyPair.open()) {
            broker = b;
            phones = p;
            pty = pair;
            config = writeConfig();
            registerCollars(dir.resolve("data"), herdConfig);
            radio = SimulatedMqttRadio.connect(MqttLinkSettings.of(broker.uri(), "farm1").withClientId("collars-farm1"),
                    100_000, downlinks::add);
            dongle = SimulatedDongle.start(pty.b(), 100_000, downlinks::add, clock);
            child = GatewayChild.start(config, START, dir.resolve("gateway.log"));
            herd = SimulatedHerd.of(herdConfig, this::transmit);
            Map<Integer, List<Runnable>> endAt = new TreeMap<>();
            int minutes = (int) settings.span().toMinutes();
            int next = 0;
            for (int m = 1; m <= minutes; m++) {
                Instant t = START.plus(Duration.ofMinutes(m));
                clock.set(t);
                List<Runnable> due = endAt.remove(m);
                if (due != null) {
                    due.forEach(Runnable::run);
                }
                while (next < plan.faults().size() && plan.faults().get(next).minute() == m) {
                    FaultPlan.Fault f = plan.faults().get(next++);
                    Runnable end = apply(f, t);
                    int endMinute = m + (int) Math.max(1, f.lasts().toMinutes());
                    endAt.computeIfAbsent(Math.min(endMinute, minutes), k -> new ArrayList<>()).add(end);
                }
                minute(t, m);
            }
            endAt.values().forEach(l -> l.forEach(Runnable::run));
            // drain: no more faults; the outbox retries until everything routed is delivered
            int m = minutes;
            Instant drainEnd = START.plus(settings.span()).plus(MAX_DRAIN);
            do {
                for (int i = 0; i < 30; i++) {
                    m++;
                    Instant t = START.plus(Duration.ofMinutes(m));
                    clock.set(t);
                    minute(t, m);
                }
                readDesk();
            } while (!drained() && clock.instant().isBefore(drainEnd));
            readDesk();
            child.stop();
            lives.add(last);
            List<StoredAlarm> raised = alarmLog();
            radio.close();
            dongle.close();
            return FaultReport.of(settings, applied, raised, desk, inbox(), published, radio.dropped() + dongle.dropped(),
                    inFlightAtKills, lives, slowMinutes, Duration.ofNanos(System.nanoTime() - realStart),
                    Duration.ofMinutes(m).minus(settings.span()), phones.violations());
        } finally {
            if (child != null) {
                child.close();
            }
        }
    }

    /** One simulated minute: the gateway's due jobs, the herd's frames, wait until they are handled. */
    private void minute(Instant t, int m) throws Exception {
        last = child.at(t);
        herd.advanceTo(t);
        awaitQuiet();
        for (byte[] d; (d = downlinks.poll()) != null; ) {
            herd.receive(d);
        }
        if (m % 60 == 0) {
            readDesk();
        }
    }

    /** The herd's transport: the clock at the frame's time, the frame over its link, until it is handled. */
    private void transmit(byte[] frame) {
        try {
            child.set(herd.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        published++;
        if ((FrameParser.euiValue(frame, 0) & 1) == 0) {
            radio.send(frame);
        } else {
            dongle.send(frame);
        }
        if (FrameParser.check(frame, 0, frame.length).isEmpty()
                && FrameParser.header(frame, 0).type() == MessageType.JOIN_REQUEST) {
            try {
                // an accept comes within a second on air; without one the collar tries again later
                byte[] accept = downlinks.poll(2, TimeUnit.SECONDS);
                if (accept != null) {
                    herd.receive(accept);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            awaitQuiet();
        }
    }

    /** Until the child has handled what reached it (frames kept by an unplugged dongle or a down broker excepted). */
    private void awaitQuiet() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(QUIET_WAIT_MS);
        while (true) {
            long buffered = radio.unconfirmed() + dongle.waiting();
            try {
                last = child.frames();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (last.handled() >= published - publishedAtLifeStart - buffered) {
                return;
            }
            if (System.nanoTime() > deadline) {
                slowMinutes++;
                return;
            }
            LockSupport.parkNanos(500_000);
        }
    }

    /** Starts fault {@code f}; returns what ends it. */
    private Runnable apply(FaultPlan.Fault f, Instant t) throws Exception {
        applied.merge(f.kind(), 1, Integer::sum);
        switch (f.kind()) {
            case BROKER_RESTART -> {
                broker.stop();
                return broker::start;
            }
            case SERIAL_UNPLUG -> {
                pty.kill();
                return pty::start;
            }
            case KILL_9 -> {
                readDesk();
                last = child.frames();
                inFlightAtKills += radio.unconfirmed() + dongle.waiting();
                child.send("at " + t.toEpochMilli());
                Thread.sleep(f.count());
                child.kill();
                lives.add(last);
                last = new GatewayChild.Frames(0, 0, 0);
                publishedAtLifeStart = published;
                child = GatewayChild.start(config, t, dir.resolve("gateway.log"));
                if (offsetMs != 0) {
                    child.jump(Duration.ofMillis(offsetMs));
                }
                return () -> { };
            }
            case API_ERROR_STORM -> {
                phones.failNext(STORMS[f.count() % STORMS.length], f.count());
                return () -> { };
            }
            case LONG_OUTAGE -> {
                phones.failFor(Fault.UNAVAILABLE, f.lasts());
                return () -> { };
            }
            case CLOCK_JUMP -> {
                Duration step = f.forward() ? Duration.ofDays(1) : Duration.ofDays(-1);
                jump(step);
                return () -> jump(step.negated());
            }
        }
        throw new IllegalStateException("unknown fault " + f);
    }

    private void jump(Duration step) {
        try {
            child.jump(step);
            offsetMs += step.toMillis();
        } catch (Exception e) {
            throw new IllegalStateException("clock jump failed", e);
        }
    }

    private void readDesk() throws Exception {
        for (GatewayChild.DeskLine l : child.alarms()) {
            desk.put(l.id(), l);
        }
    }

    /** Every alarm the desk routed (messages queued) has reached the phone. */
    private boolean drained() {
        Map<Long, Integer> got = FaultReport.messagesByAlarm(inbox());
        return desk.values().stream().filter(l -> l.messages() > 0).allMatch(l -> got.containsKey(l.id()));
    }

    private List<Delivered> inbox() {
        return phones.inbox(ANNA);
    }

    private List<StoredAlarm> alarmLog() {
        try (Database db = Database.open(dir.resolve("data").resolve(Gateway.DATABASE_FILE))) {
            return AlarmLog.of(db).raisedBetween(START.minus(Duration.ofDays(3)), START.plus(Duration.ofDays(30)));
        }
    }

    /**
     * Cow down, collar off, radio loss and an old battery, spread over the herd; with the rules' short
     * thresholds (rules.yaml above) healthy cows resting half an hour raise cow-down alarms too, so alarms
     * keep coming while the faults happen.
     */
    private static String events(int cows) {
        String[] kinds = {"down", "collar_off", "radio_loss", "battery"};
        List<String> spec = new ArrayList<>();
        for (int c = 1; c <= cows; c++) {
            spec.add(kinds[(c - 1) % kinds.length] + ":#" + c);
        }
        return String.join(",", spec);
    }

    private Path writeConfig() throws Exception {
        Files.writeString(dir.resolve("contacts.yaml"), """
                contacts:
                  - id: anna
                    name: Anna Huber
                    phone: "%s"
                    language: en
                    role: farmer
                    opt-in: {at: 2026-03-01, how: signed form at installation}
                routes:
                  - name: everything
                    chain:
                      - contact: anna
                grouping: {window: 0m}
                # every raise is sent, so each alarm of the log must be traced to a message
                flap-damping: {max-raises: 100, window: 1m, hold: 0m}
                """.formatted(ANNA.e164()));
        Files.writeString(dir.resolve("rules.yaml"), """
                version: 1
                herd:
                  offline:
                    after_min: 15
                  no_motion:
                    min_duration_min: 30
                  collar_off:
                    min_duration_min: 10
                """);
        Files.writeString(dir.resolve("wa-token"), TOKEN.reveal() + "\n");
        Files.writeString(dir.resolve("wa-secret"), APP_SECRET.reveal() + "\n");
        Files.writeString(dir.resolve("wa-verify"), "verify-me\n");
        return Files.writeString(dir.resolve("herdgate.yaml"), """
                data_dir: data
                time_zone: UTC
                rules_file: rules.yaml
                contacts_file: contacts.yaml
                links:
                  serial:
                    device: %s
                  mqtt:
                    broker: %s
                    gateway_name: farm1
                http:
                  bind: 127.0.0.1
                  port: 0
                whatsapp:
                  api_url: %s
                  phone_number_id: "%s"
                  token_file: wa-token
                  app_secret: file:wa-secret
                  verify_token: file:wa-verify
                upstream:
                  broker: %s
                  gateway: farm1
                  reconnect_max_s: 2
                """.formatted(pty.a(), broker.uri(), phones.baseUrl(), PHONE_ID, broker.uri()));
    }

    private static void registerCollars(Path dataDir, HerdConfig config) throws Exception {
        Files.createDirectories(dataDir);
        try (Database db = Database.openUnsynced(dataDir.resolve(Gateway.DATABASE_FILE))) {
            for (HerdMember m : SimulatedHerd.of(config, f -> { }).members()) {
                Collars.of(db).save(CollarRecord.of(m.identity().eui(), m.identity().rootKey()));
                PairingHistory.of(db).pair(m.identity().eui(), CowId.of(String.valueOf(m.cow().number())), config.start());
            }
        }
    }
}
