package io.herdgate.gateway.fault;

import io.herdgate.gateway.alarm.AlarmHold;
import io.herdgate.gateway.alarm.AlarmHolds;
import io.herdgate.gateway.launch.JvmOptions;
import io.herdgate.gateway.link.MqttLinkSettings;
import io.herdgate.gateway.link.SimulatedDongle;
import io.herdgate.gateway.link.SimulatedMqttRadio;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.phone.Delivered;
import io.herdgate.gateway.phone.Fault;
import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
import io.herdgate.gateway.runtime.Gateway;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.FlushPolicy;
import io.herdgate.gateway.store.SqliteCounterStore;
import io.herdgate.gateway.store.StoredAlarm;
import io.herdgate.gateway.store.AlarmLog;
import io.herdgate.gateway.testing.GatewayFiles;
import io.herdgate.gateway.testing.Mosquitto;
import io.herdgate.gateway.testing.PtyPair;
import io.herdgate.gateway.testing.RegisteredHerd;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.FrameHeader;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.sim.herd.HerdConfig;
import io.herdgate.sim.herd.ManualClock;
import io.herdgate.sim.herd.SimulatedHerd;
import java.io.IOException;
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
 * traces every alarm in the gateway's alarm log to a delivered WhatsApp message or to the desk's durable
 * note of why it did not send it ({@code alarm_hold}). Each phase has a wall-clock limit and every wait is
 * bounded: a stalled run ends with a {@link FaultRunStalled} saying where it stood.
 */
final class FaultRun {

    /**
     * @param seed   herd, events and faults derive from it
     * @param cows   herd size; the even collars use MQTT, the odd ones the serial dongle
     * @param span   simulated time during which faults happen
     * @param faults how many faults (every kind at least once from 7, the number of kinds)
     */
    record Settings(long seed, int cows, Duration span, int faults) {
    }

    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    /** Longest drain after the faults (simulated): a long outage's retries must get through. */
    static final Duration MAX_DRAIN = Duration.ofHours(6);
    /** Wall-clock limit of the fault phase per simulated hour (about 4x what a loaded two-core machine needs). */
    static final Duration FAULTS_LIMIT_PER_HOUR = Duration.ofSeconds(75);
    /** Wall-clock limit of the drain phase (up to {@link #MAX_DRAIN} of herd and outbox). */
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(4);
    /** How long a collar's join request waits for its accept while its link is up (on air: within a second). */
    private static final Duration JOIN_WAIT = Duration.ofSeconds(10);
    /** Packaged JVM options of the service, relative to the repository root. */
    private static final Path JVM_OPTIONS = Path.of("deploy", "src", "deb", "share", "jvm.options");
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
    private final Map<String, Long> rejected = new TreeMap<>();
    /** Frames a killed process accepted may be unwritten for the flush interval, plus the timer's period and a minute of delivery. */
    private final FrameLedger ledger = new FrameLedger(FlushPolicy.DEFAULT.interval().plus(Gateway.TICK.multipliedBy(2)));
    private List<CollarEui> mqttCollars = List.of();
    private List<CollarEui> serialCollars = List.of();
    private final List<String> jvm;
    private Mosquitto broker;
    private FakeCloudApi phones;
    private PtyPair pty;
    private SimulatedMqttRadio radio;
    private SimulatedDongle dongle;
    private SimulatedHerd herd;
    private GatewayChild child;
    private Path config;
    private GatewayChild.Frames last = new GatewayChild.Frames(0, 0, 0, false);
    private long published;
    /** Frames published before the current gateway process started and not held by a link then. */
    private long publishedBeforeLife;
    private long slowFrames;
    /** Frames the current process lacked when it gave up waiting for them. */
    private long unaccounted;
    private long unansweredJoins;
    private long offsetMs;
    private int brokerOutages;
    private int unplugs;
    /** Frames a link still held (buffered by the dongle or the MQTT radio) when the gateway was killed. */
    private long heldAtKills;
    private final long realStart = System.nanoTime();
    private String phase = "setup";
    private long phaseDeadline;
    private int minute;

    private FaultRun(Settings settings, Path dir) throws IOException {
        this.settings = settings;
        this.dir = dir;
        // the JVM options the package ships (as the load harness uses them): what is tested is what runs
        this.jvm = JvmOptions.read(Path.of("").toAbsolutePath().getParent().resolve(JVM_OPTIONS));
    }

    static FaultReport run(Settings settings, Path dir) throws Exception {
        return new FaultRun(settings, dir).run();
    }

    private FaultReport run() throws Exception {
        FaultPlan plan = FaultPlan.random(settings.seed(), settings.faults(), settings.span());
        HerdConfig herdConfig = HerdConfig.of(settings.cows(), settings.seed(), START, settings.span())
                .withEvents(events(settings.cows()));
        try (Mosquitto b = Mosquitto.plain().start();
             FakeCloudApi p = FakeCloudApi.start(FakeCloudApiSettings.of(PhoneNumberId.of(PHONE_ID), TOKEN, APP_SECRET, clock));
             PtyPair pair = PtyPair.open()) {
            broker = b;
            phones = p;
            pty = pair;
            config = writeConfig();
            List<CollarEui> collars = RegisteredHerd.register(dir.resolve("data"), herdConfig);
            mqttCollars = collars.stream().filter(FaultRun::onMqtt).toList();
            serialCollars = collars.stream().filter(c -> !onMqtt(c)).toList();
            radio = SimulatedMqttRadio.connect(MqttLinkSettings.of(broker.uri(), "farm1").withClientId("collars-farm1"),
                    100_000, downlinks::add);
            dongle = SimulatedDongle.start(pty.b(), 100_000, downlinks::add, clock);
            child = GatewayChild.start(config, START, dir.resolve("gateway.log"), jvm);
            // a frame published before the gateway's first subscription reaches no one (the broker keeps
            // nothing for a session it has never seen): the herd starts once the links are up
            child.awaitLinksUp(Duration.ofSeconds(60));
            herd = SimulatedHerd.of(herdConfig, this::transmit);

            int minutes = (int) settings.span().toMinutes();
            enter("faults", FAULTS_LIMIT_PER_HOUR.multipliedBy(Math.max(1, settings.span().toHours())));
            Map<Integer, List<Runnable>> endAt = new TreeMap<>();
            int next = 0;
            for (minute = 1; minute <= minutes; minute++) {
                Instant t = START.plus(Duration.ofMinutes(minute));
                clock.set(t);
                List<Runnable> due = endAt.remove(minute);
                boolean starts = next < plan.faults().size() && plan.faults().get(next).minute() == minute;
                if (due != null || starts) {
                    // faults strike between frames: a frame cut in half by an unplug is lost in the kernel,
                    // not by the gateway, and would blur the count
                    settle();
                }
                if (due != null) {
                    due.forEach(Runnable::run);
                    if (starts) {
                        // what an ended outage releases (a broker back, a dongle plugged in) reaches this
                        // process before a fault such as a kill starts
                        settle();
                    }
                }
                while (next < plan.faults().size() && plan.faults().get(next).minute() == minute) {
                    FaultPlan.Fault f = plan.faults().get(next++);
                    Runnable end = apply(f, t);
                    int endMinute = minute + (int) Math.max(1, f.lasts().toMinutes());
                    endAt.computeIfAbsent(Math.min(endMinute, minutes), k -> new ArrayList<>()).add(end);
                }
                minute(t);
            }
            endAt.values().forEach(l -> l.forEach(Runnable::run));

            // drain: no more faults; the outbox retries until everything routed is delivered
            enter("drain", DRAIN_LIMIT);
            Instant drainEnd = START.plus(settings.span()).plus(MAX_DRAIN);
            do {
                for (int i = 0; i < 30; i++) {
                    minute++;
                    Instant t = START.plus(Duration.ofMinutes(minute));
                    clock.set(t);
                    minute(t);
                }
                readDesk();
            } while (!drained() && clock.instant().isBefore(drainEnd));
            last = child.at(clock.instant(), expectedHandled());
            readDesk();
            child.rejected().forEach((k, v) -> rejected.merge(k, v, Long::sum));
            enter("report", Duration.ofMinutes(1));
            child.stop();
            lives.add(last);
            radio.close();
            dongle.close();
            List<StoredAlarm> raised;
            List<AlarmHold> holds;
            FrameLedger.Count frames;
            try (Database db = database()) {
                raised = AlarmLog.of(db).raisedBetween(START.minus(Duration.ofDays(3)), START.plus(Duration.ofDays(30)));
                holds = AlarmHolds.of(db).all();
                frames = ledger.count(SqliteCounterStore.of(db)::uplinkTally);
            }
            return FaultReport.of(settings, applied, raised, holds, inbox(), frames, radio.dropped() + dongle.dropped(), rejected,
                    heldAtKills, lives, slowFrames, unansweredJoins, Duration.ofNanos(System.nanoTime() - realStart),
                    Duration.ofMinutes(minute).minus(settings.span()), phones.violations());
        } catch (FaultRunStalled e) {
            throw new FaultRunStalled("fault run stalled in phase " + phase + " at simulated minute " + minute + " ("
                    + clock.instant() + ", " + Duration.ofNanos(System.nanoTime() - realStart).toSeconds() + " s real): "
                    + state() + "\n" + e.getMessage());
        } finally {
            if (child != null) {
                child.close();
            }
        }
    }

    /** Starts a phase that must end within {@code limit} of wall-clock time. */
    private void enter(String name, Duration limit) {
        phase = name;
        phaseDeadline = System.nanoTime() + limit.toNanos();
    }

    /** Fails the run when the current phase is over its limit. */
    private void checkDeadline() {
        if (System.nanoTime() > phaseDeadline) {
            throw new FaultRunStalled("over the phase's wall-clock limit\n" + child.logTail());
        }
    }

    /** Where the run stands, for a stall report. */
    private String state() {
        return "faults applied " + applied + ", frames published " + published + " (this gateway process: handled "
                + last.handled() + " of " + expectedHandled() + " expected), dongle holds " + dongle.waiting()
                + ", MQTT radio holds " + radio.unconfirmed() + ", broker " + (broker.isRunning() ? "up" : "down")
                + ", dongle " + (pty.isPlugged() ? "plugged" : "unplugged") + ", frames not handled within "
                + ChildGateway.QUIET_LIMIT.toSeconds() + " s: " + slowFrames + ", joins unanswered: " + unansweredJoins;
    }

    /** One simulated minute: the gateway's due jobs, the herd's frames, the downlinks that came back. */
    private void minute(Instant t) throws Exception {
        checkDeadline();
        last = counted(child.at(t, expectedHandled()));
        herd.advanceTo(t);
        for (byte[] d; (d = downlinks.poll()) != null; ) {
            herd.receive(d);
        }
        if (minute % 60 == 0) {
            readDesk();
            System.err.println("fault suite: simulated " + t + " (" + phase + ") after "
                    + Duration.ofNanos(System.nanoTime() - realStart).toSeconds() + " s: " + state());
        }
    }

    /**
     * The herd's transport: once the gateway has handled what it was sent, its clock goes to the frame's
     * time and the frame goes over its link. A join request waits for its accept while the link is up.
     */
    private void transmit(byte[] frame) {
        checkDeadline();
        last = counted(child.set(herd.now(), expectedHandled()));
        published++;
        boolean mqtt = onMqtt(CollarEui.of(FrameParser.euiValue(frame, 0)));
        boolean wellFormed = FrameParser.check(frame, 0, frame.length).isEmpty();
        if (wellFormed) {
            ledger.published(FrameParser.header(frame, 0), herd.now());
        }
        if (mqtt) {
            radio.send(frame);
        } else {
            dongle.send(frame);
        }
        if (wellFormed && FrameParser.header(frame, 0).type() == MessageType.JOIN_REQUEST
                && (mqtt ? broker.isRunning() : pty.isPlugged())) {
            awaitAccept(FrameParser.header(frame, 0));
        }
    }

    /**
     * Waits for the join accept that answers {@code request} (same collar and nonce); other downlinks that
     * come meanwhile go to the herd as they come. An accept that takes longer is counted and reaches the
     * herd later, like a late one on air (then the collar, which has asked again, ignores it).
     */
    private void awaitAccept(FrameHeader request) {
        long deadline = System.nanoTime() + JOIN_WAIT.toNanos();
        try {
            for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                byte[] d = downlinks.poll(left, TimeUnit.NANOSECONDS);
                if (d == null) {
                    break;
                }
                herd.receive(d);
                if (FrameParser.check(d, 0, d.length).isEmpty()) {
                    FrameHeader h = FrameParser.header(d, 0);
                    if (h.type() == MessageType.JOIN_ACCEPT && h.eui().equals(request.eui())
                            && h.counter() == request.counter()) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unansweredJoins++;
    }

    /** Until the gateway has handled every frame its links can deliver (bounded as every wait). */
    private void settle() {
        dongle.flush();
        awaitConfirmed();
        last = counted(child.set(herd.now(), expectedHandled()));
    }

    /**
     * Notes a gateway answer that came before it had handled everything expected (it waited its limit);
     * the frames it lacks are not expected again, so one lost frame costs one wait, not one per frame.
     * The report counts what is missing from the totals.
     */
    private GatewayChild.Frames counted(GatewayChild.Frames f) {
        if (f.late()) {
            unaccounted += Math.max(0, expectedHandled() - f.handled());
            slowFrames++;
            if (slowFrames <= 5) {
                System.err.println("fault suite: minute " + minute + ": not handled within "
                        + ChildGateway.QUIET_LIMIT.toSeconds() + " s: " + state());
            }
        }
        return f;
    }

    /** Frames the current gateway process must have handled: all sent to it, less those a link still holds. */
    private long expectedHandled() {
        return published - publishedBeforeLife - unaccounted - radio.unconfirmed() - dongle.waiting();
    }

    /** Starts fault {@code f}; returns what ends it. */
    private Runnable apply(FaultPlan.Fault f, Instant t) throws Exception {
        applied.merge(f.kind(), 1, Integer::sum);
        switch (f.kind()) {
            // overlapping outages of one kind: down from the first start to the last end
            case BROKER_RESTART -> {
                if (brokerOutages++ == 0) {
                    broker.stop();
                    ledger.linkDown(mqttCollars);
                }
                return () -> {
                    if (--brokerOutages == 0) {
                        broker.start();
                        ledger.linkUp(mqttCollars);
                    }
                };
            }
            case SERIAL_UNPLUG -> {
                if (unplugs++ == 0) {
                    pty.kill();
                    ledger.linkDown(serialCollars);
                }
                return () -> {
                    if (--unplugs == 0) {
                        pty.start();
                        ledger.linkUp(serialCollars);
                    }
                };
            }
            case KILL_9 -> {
                readDesk();
                // settled (above): the frames counted by the killed process and those the links still hold
                // (for the next process) add up to all published
                child.rejected().forEach((k, v) -> rejected.merge(k, v, Long::sum));
                long held = radio.unconfirmed() + dongle.waiting();
                heldAtKills += held;
                child.send("at " + t.toEpochMilli() + " 0");
                Thread.sleep(f.count());
                child.kill();
                // what the dead process wrote: the frames it accepted after its last flush are not sent again
                try (Database db = database()) {
                    ledger.killed(t, SqliteCounterStore.of(db)::uplinkTally);
                }
                lives.add(last);
                last = new GatewayChild.Frames(0, 0, 0, false);
                publishedBeforeLife = published - held;
                unaccounted = 0;
                child = GatewayChild.start(config, t, dir.resolve("gateway.log"), jvm);
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
            case CLOCK_FORWARD, CLOCK_BACK -> {
                Duration step = f.kind() == FaultKind.CLOCK_FORWARD ? Duration.ofDays(1) : Duration.ofDays(-1);
                jump(step);
                return () -> jump(step.negated());
            }
        }
        throw new IllegalStateException("unknown fault " + f);
    }

    /** While the broker runs: until it has confirmed every uplink (bounded by the phase's limit). */
    private void awaitConfirmed() {
        while (broker.isRunning() && radio.unconfirmed() > 0) {
            checkDeadline();
            LockSupport.parkNanos(1_000_000);
        }
    }

    private void jump(Duration step) {
        child.jump(step);
        offsetMs += step.toMillis();
    }

    private void readDesk() {
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

    private Path writeConfig() {
        return GatewayFiles.in(dir)
                .contacts(GatewayFiles.farmer(ANNA, "en") + """
                        grouping: {window: 0m}
                        # every raise is sent, so each alarm of the log must be traced to a message
                        flap-damping: {max-raises: 100, window: 1m, hold: 0m}
                        """)
                .rules("""
                        version: 1
                        herd:
                          offline:
                            after_min: 15
                          no_motion:
                            min_duration_min: 30
                          collar_off:
                            min_duration_min: 10
                        """)
                .whatsapp(phones.baseUrl(), PHONE_ID, TOKEN, APP_SECRET)
                .yaml("""
                        logging:
                          level: %s
                        links:
                          serial:
                            device: %s
                          mqtt:
                            broker: %s
                            gateway_name: farm1
                        upstream:
                          broker: %s
                          gateway: farm1
                          reconnect_max_s: 2
                        """.formatted(System.getProperty("faults.log", "info"), pty.a(), broker.uri(), broker.uri()))
                .write();
    }

    /** The gateway's database, opened while no gateway process runs. */
    private Database database() {
        return Database.open(dir.resolve("data").resolve(Gateway.DATABASE_FILE));
    }

    /** Even collars use MQTT, odd ones the serial dongle. */
    private static boolean onMqtt(CollarEui eui) {
        return (eui.value() & 1) == 0;
    }


}
