package io.herdgate.gateway.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.ChannelName;
import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.notify.Reply;
import io.herdgate.gateway.outbox.Outbox;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.outbox.OutboxEntry;
import io.herdgate.gateway.outbox.OutboxPump;
import io.herdgate.gateway.outbox.OutboxSettings;
import io.herdgate.gateway.outbox.OutboxWatcher;
import io.herdgate.gateway.routing.ContactsFile;
import io.herdgate.gateway.routing.RoutingConfig;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.Durability;
import io.herdgate.gateway.store.StoreException;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.gateway.testing.ScriptedChannel;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmDeskTest {

    /** Anna (farmer, quiet 22:00-06:00 Berlin), Bob (herdsman), the vet; cow down escalates, heat does not. */
    static final String CONTACTS = """
            contacts:
              - id: anna
                name: Anna Huber
                phone: "+4915112345678"
                language: de
                role: farmer
                opt-in: {at: 2026-03-01, how: signed form}
                quiet-hours: {from: "22:00", to: "06:00", zone: Europe/Berlin}
              - id: bob
                name: Bob Meier
                phone: "+4915187654321"
                language: en
                role: herdsman
                opt-in: {at: 2026-03-01, how: signed form}
              - id: vet
                name: Dr. Vet
                phone: "+4930123456789"
                language: de
                role: vet
                opt-in: {at: 2026-03-01, how: practice contract}
            routes:
              - name: urgent
                severity: critical
                chain:
                  - contact: anna
                  - {contact: bob, after: 15m}
                  - {contact: vet, after: 30m}
                repeat: 10m
                max-repeats: 2
              - name: offline
                types: [offline]
                chain:
                  - contact: bob
              - name: farm
                chain:
                  - contact: anna
                  - {contact: bob, after: 2h}
            grouping: {window: 10m}
            flap-damping: {max-raises: 2, window: 6h, hold: 30m}
            inhibit-grace: 15m
            """;

    /** 10:00 in Berlin (summer time): nobody is in quiet hours. */
    static final Instant DAY = Instant.parse("2026-06-01T08:00:00Z");
    /** 23:00 in Berlin: Anna's quiet hours, which end at 04:00Z. */
    static final Instant NIGHT = Instant.parse("2026-06-01T21:00:00Z");

    @TempDir
    Path dir;

    final ManualClock clock = ManualClock.of(DAY);
    final ScriptedChannel whatsapp = ScriptedChannel.accepting(ChannelName.WHATSAPP, clock);
    OutboxPump pump;
    RoutingConfig routing;
    Database db;
    Outbox outbox;
    AlarmDesk desk;

    @BeforeEach
    void open() {
        routing = ContactsFile.parse(CONTACTS, "contacts.yaml");
        db = Database.open(dir.resolve("h.db"));
        reopen();
    }

    void reopen() {
        outbox = Outbox.open(db, OutboxSettings.defaults(), clock, OutboxWatcher.none());
        desk = AlarmDesk.open(db, routing, outbox, ChannelName.WHATSAPP, clock);
        pump = OutboxPump.of(outbox, List.of(whatsapp), clock, new SplittableRandom(7));
        pump.pumpDue();
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Alarm alarm(String cow, AlarmType type, Instant raised) {
        Severity sev = type == AlarmType.BATTERY ? Severity.INFO : Severity.WARNING;
        return Alarm.of(CowId.of(cow), type, raised, sev, Explanation.of("activity_10h", 412.5, OptionalDouble.of(250),
                350, Duration.ofMinutes(95), Map.of()));
    }

    AlarmId raise(String cow, AlarmType type) {
        desk.onEvent(AlarmEvent.Raised.of(alarm(cow, type, clock.instant())));
        pump.pumpDue();
        return desk.alarms(false).stream().filter(v -> v.cow().value().equals(cow) && v.type() == type)
                .findFirst().orElseThrow().id();
    }

    void clearAlarm(String cow, AlarmType type, Instant raised) {
        desk.onEvent(AlarmEvent.Cleared.of(alarm(cow, type, raised).clearedAt(clock.instant())));
    }

    /** Advances the clock minute by minute, ticking the desk and sending what is due. */
    void run(Duration d) {
        Instant end = clock.instant().plus(d);
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMinutes(1));
            desk.tick();
            pump.pumpDue();
        }
    }

    /** Messages the channel took, in order, as {@code contact/step/cows}. */
    List<String> sent() {
        return whatsapp.sent().stream().map(AlarmDeskTest::describe).toList();
    }

    static String describe(Notification n) {
        Content.AlarmMessage m = (Content.AlarmMessage) n.content();
        return n.to().contact() + "/" + m.step() + "/" + m.cows().stream().map(CowId::value).toList();
    }

    @Test
    void heatAlarmsWithinTheGroupingWindow_goOutAsOneMessageListingTheCows() {
        AlarmId first = raise("17", AlarmType.HEAT);
        run(Duration.ofMinutes(4));
        raise("22", AlarmType.HEAT);
        raise("31", AlarmType.ILLNESS);
        run(Duration.ofMinutes(5));
        assertEquals(List.of(), sent(), "held for the window");

        run(Duration.ofMinutes(1));
        assertEquals(List.of("anna/0/[17, 22]"), sent(), "the heat window closed");
        run(Duration.ofMinutes(4));

        assertEquals(List.of("anna/0/[17, 22]", "anna/0/[31]"), sent(), "the illness window, opened 4 min later, too");
        OutboxEntry e = outbox.find(NotificationKey.forAlarm(first, ContactId.of("anna"), 0)).orElseThrow();
        Content.AlarmMessage m = (Content.AlarmMessage) e.notification().content();
        assertEquals(Priority.NORMAL, e.notification().priority());
        assertEquals(Map.of("measure", "activity_10h", "value", "412.5", "baseline", "250", "threshold", "350",
                "duration_min", "95", "activity_pct", "165"), m.facts());
        assertEquals("sent together with alarm " + first, desk.alarms(false).stream()
                .filter(v -> v.cow().value().equals("22")).findFirst().orElseThrow().note().orElseThrow());
    }

    @Test
    void unacknowledgedCowDown_escalatesToHerdsmanAndVetOnTime_thenRepeatsToAll_criticalEvenAtNight() {
        clock.set(NIGHT);
        AlarmId down = raise("17", AlarmType.NO_MOTION);
        assertEquals(List.of("anna/0/[17]"), sent(), "at once, in Anna's quiet hours, without grouping");
        assertEquals(Priority.CRITICAL, whatsapp.sent().get(0).priority());

        run(Duration.ofMinutes(14));
        assertEquals(1, sent().size());
        run(Duration.ofMinutes(1));
        assertEquals(List.of("anna/0/[17]", "bob/1/[17]"), sent());
        run(Duration.ofMinutes(30));
        assertEquals(List.of("anna/0/[17]", "bob/1/[17]", "vet/2/[17]"), sent());
        run(Duration.ofMinutes(10));
        run(Duration.ofMinutes(10));
        run(Duration.ofHours(2));
        assertEquals(3 + 3 + 3, sent().size(), "two repeats to the whole chain, then no more");
        AlarmView v = desk.find(down).orElseThrow();
        assertEquals(Optional.empty(), v.nextStep());
        assertEquals(5, v.messages());
    }

    @Test
    void acknowledgementByReply_stopsTheChain_andCancelsWhatIsStillQueued() {
        AlarmId down = raise("17", AlarmType.NO_MOTION);
        run(Duration.ofMinutes(15));
        assertEquals(2, sent().size());

        desk.onReply(new Reply.Acknowledge(PhoneNumber.of("+4915187654321"), clock.instant(), down));
        run(Duration.ofHours(2));

        assertEquals(List.of("anna/0/[17]", "bob/1/[17]"), sent());
        AlarmState s = desk.find(down).orElseThrow().state();
        assertEquals("bob", assertInstanceOf(AlarmState.ActiveAcknowledged.class, s).ack().who());
        assertInstanceOf(AckResult.AlreadyAcknowledged.class, desk.acknowledge(down, "anna", "cli"));
    }

    @Test
    void replyFromAStranger_isIgnored() {
        AlarmId down = raise("17", AlarmType.NO_MOTION);

        desk.onReply(new Reply.Acknowledge(PhoneNumber.of("+4917600000000"), clock.instant(), down));

        assertInstanceOf(AlarmState.ActiveUnacknowledged.class, desk.find(down).orElseThrow().state());
    }

    @Test
    void nonCriticalEscalation_waitsForTheEndOfTheContactsQuietHours() {
        clock.set(NIGHT.minus(Duration.ofMinutes(10)));
        raise("17", AlarmType.ILLNESS);
        run(Duration.ofMinutes(10));
        assertEquals(List.of(), sent(), "Anna's quiet hours began at 20:00Z; the illness alarm waits");

        clock.set(Instant.parse("2026-06-02T03:59:00Z"));
        desk.tick();
        assertEquals(List.of(), sent());
        run(Duration.ofMinutes(1));
        assertEquals(List.of("anna/0/[17]"), sent(), "at 06:00 Berlin");
    }

    @Test
    void silencedHeatOfCow17_isNotSent_butOtherCowsAre() {
        desk.silence(Optional.of(CowId.of("17")), Optional.of(AlarmType.HEAT), Duration.ofHours(48), "vet", "inseminated");
        run(Duration.ofHours(24));

        AlarmId silenced = raise("17", AlarmType.HEAT);
        raise("18", AlarmType.HEAT);
        run(Duration.ofMinutes(11));

        assertEquals(List.of("anna/0/[18]"), sent());
        assertTrue(desk.find(silenced).orElseThrow().note().orElseThrow().startsWith("silenced until"));
    }

    @Test
    void silenceSetWhileAChainRuns_stopsIt() {
        raise("17", AlarmType.NO_MOTION);

        desk.silence(Optional.of(CowId.of("17")), Optional.empty(), Duration.ofHours(2), "anna", "vet is with her");
        run(Duration.ofHours(1));

        assertEquals(List.of("anna/0/[17]"), sent(), "nothing followed the first message");
    }

    @Test
    void dongleUnplugged_holdsOfflineAlarms_thatClearWithinTheGrace() {
        desk.raise(GatewayProblem.DONGLE_UNPLUGGED);
        Instant raised = clock.instant();
        raise("17", AlarmType.OFFLINE);
        raise("18", AlarmType.OFFLINE);
        run(Duration.ofMinutes(30));
        assertEquals(List.of(), sent());

        desk.clear(GatewayProblem.DONGLE_UNPLUGGED);
        run(Duration.ofMinutes(5));
        clearAlarm("17", AlarmType.OFFLINE, raised);
        run(Duration.ofMinutes(10));
        assertEquals(List.of(), sent(), "still within the grace");
        run(Duration.ofMinutes(11));

        assertEquals(List.of("bob/0/[18]"), sent(), "only the collar that stayed silent, after the grace and grouping");
    }

    @Test
    void offlineChainAlreadyRunning_isStoppedWhenTheDongleProblemIsReported() {
        raise("17", AlarmType.OFFLINE);
        run(Duration.ofMinutes(9));
        desk.raise(GatewayProblem.DONGLE_UNPLUGGED);
        run(Duration.ofMinutes(30));

        assertEquals(List.of(), sent());
    }

    @Test
    void flappingAlarm_isHeld_andSentOnlyIfStillActiveAfterTheHold() {
        for (int i = 0; i < 2; i++) {
            Instant raised = clock.instant();
            raise("17", AlarmType.COLLAR_OFF);
            run(Duration.ofMinutes(11));
            clearAlarm("17", AlarmType.COLLAR_OFF, raised);
        }
        assertEquals(2, sent().size());
        Instant third = clock.instant();
        AlarmId flapping = raise("17", AlarmType.COLLAR_OFF);
        run(Duration.ofMinutes(20));
        assertEquals(2, sent().size());
        assertTrue(desk.find(flapping).orElseThrow().note().orElseThrow().startsWith("held: flapping"));
        clearAlarm("17", AlarmType.COLLAR_OFF, third);
        raise("17", AlarmType.COLLAR_OFF);
        run(Duration.ofMinutes(29));
        assertEquals(2, sent().size());
        run(Duration.ofMinutes(12));

        assertEquals(3, sent().size(), "the fourth raise lasted beyond the hold: " + sent());
    }

    @Test
    void holds_areRecordedWithTheirReason_andSurviveTheAlarmsClearingAndARestart() {
        desk.silence(Optional.of(CowId.of("17")), Optional.of(AlarmType.HEAT), Duration.ofHours(48), "vet", "inseminated");
        AlarmId silenced = raise("17", AlarmType.HEAT);
        desk.raise(GatewayProblem.DONGLE_UNPLUGGED);
        Instant offlineRaised = clock.instant();
        AlarmId inhibited = raise("18", AlarmType.OFFLINE);
        Instant heatRaised = clock.instant();
        AlarmId grouped = raise("19", AlarmType.HEAT);
        run(Duration.ofMinutes(5));
        clearAlarm("18", AlarmType.OFFLINE, offlineRaised);
        clearAlarm("19", AlarmType.HEAT, heatRaised);
        run(Duration.ofHours(1));
        assertEquals(List.of(), sent());

        reopen();

        AlarmHolds holds = AlarmHolds.of(db);
        assertEquals(HoldReason.SILENCED, holds.find(silenced).orElseThrow().reason());
        assertTrue(holds.find(silenced).orElseThrow().detail().contains("inseminated"));
        assertEquals(HoldReason.GATEWAY_PROBLEM, holds.find(inhibited).orElseThrow().reason());
        assertTrue(holds.find(inhibited).orElseThrow().detail().contains("dongle"), holds.find(inhibited).toString());
        assertEquals(HoldReason.OVER_BEFORE_SENDING, holds.find(grouped).orElseThrow().reason());
        assertTrue(holds.all().stream().allMatch(AlarmHold::unsent), holds.all().toString());
    }

    @Test
    void heldAlarmSentAfterAll_hasItsHoldReleased() {
        for (int i = 0; i < 2; i++) {
            Instant raised = clock.instant();
            raise("17", AlarmType.COLLAR_OFF);
            run(Duration.ofMinutes(11));
            clearAlarm("17", AlarmType.COLLAR_OFF, raised);
        }
        AlarmId flapping = raise("17", AlarmType.COLLAR_OFF);
        assertEquals(HoldReason.FLAPPING, AlarmHolds.of(db).find(flapping).orElseThrow().reason());
        assertTrue(AlarmHolds.of(db).find(flapping).orElseThrow().unsent());

        run(Duration.ofMinutes(45));

        assertEquals(3, sent().size(), sent().toString());
        AlarmHold h = AlarmHolds.of(db).find(flapping).orElseThrow();
        assertTrue(h.released().orElseThrow().isAfter(h.heldAt().plus(Duration.ofMinutes(29))), h.toString());
    }

    @Test
    void alarmSentAtOnce_hasNoHold() {
        AlarmId down = raise("17", AlarmType.NO_MOTION);

        assertEquals(List.of("anna/0/[17]"), sent());
        assertEquals(Optional.empty(), AlarmHolds.of(db).find(down));
    }

    @Test
    void stop_meansNothingMore_untilStart() {
        desk.onReply(new Reply.OptOut(PhoneNumber.of("+4915112345678"), clock.instant()));
        raise("17", AlarmType.NO_MOTION);
        assertEquals(List.of(), sent());

        desk.onReply(new Reply.OptIn(PhoneNumber.of("+4915112345678"), clock.instant()));
        raise("18", AlarmType.NO_MOTION);
        assertEquals(List.of("anna/0/[18]"), sent());
    }

    @Test
    void repeatedRaise_updatesTheActiveAlarm_insteadOfOpeningASecond() {
        AlarmId first = raise("17", AlarmType.NO_MOTION);
        run(Duration.ofMinutes(3));
        desk.onEvent(AlarmEvent.Raised.of(alarm("17", AlarmType.NO_MOTION, clock.instant())));

        assertEquals(List.of(first), desk.alarms(false).stream().map(AlarmView::id).toList());
        assertEquals(1, sent().size());
    }

    @Test
    void clearedAlarm_endsItsChain() {
        Instant raised = clock.instant();
        AlarmId down = raise("17", AlarmType.NO_MOTION);
        run(Duration.ofMinutes(5));
        clearAlarm("17", AlarmType.NO_MOTION, raised);
        run(Duration.ofHours(1));

        assertEquals(1, sent().size(), "no escalation after the first message");
        assertInstanceOf(AlarmState.ClearedUnacknowledged.class, desk.find(down).orElseThrow().state());
    }

    @Test
    void chainAndAcknowledgement_surviveARestart() {
        AlarmId down = raise("17", AlarmType.NO_MOTION);
        AlarmId heat = raise("18", AlarmType.HEAT);
        desk.acknowledge(heat, "anna", "cli");
        run(Duration.ofMinutes(10));

        reopen();
        run(Duration.ofMinutes(5));

        assertEquals(List.of("anna/0/[17]", "bob/1/[17]"), sent());
        assertInstanceOf(AlarmState.ActiveAcknowledged.class, desk.find(heat).orElseThrow().state());
        assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(30))), desk.find(down).orElseThrow().nextStep());
    }

    @Test
    void snooze_putsTheChainOff_thenRemindsTheSnoozer() {
        AlarmId down = raise("17", AlarmType.NO_MOTION);
        run(Duration.ofMinutes(15));
        desk.onReply(new Reply.Snooze(PhoneNumber.of("+4915187654321"), clock.instant(), down, Duration.ofMinutes(20)));
        assertEquals(List.of("anna/0/[17]", "bob/1/[17]"), sent());

        run(Duration.ofMinutes(19));
        assertEquals(2, sent().size());
        run(Duration.ofMinutes(1));
        assertEquals(List.of("anna/0/[17]", "bob/1/[17]", "bob/2/[17]"), sent(), "Bob is reminded");
        run(Duration.ofMinutes(30));
        assertEquals(List.of("anna/0/[17]", "bob/1/[17]", "bob/2/[17]", "vet/3/[17]"), sent());
    }

    @Test
    void callVet_acknowledges_andTellsTheVetAtOnce() {
        AlarmId calving = raise("17", AlarmType.CALVING);

        desk.onReply(new Reply.CallVet(PhoneNumber.of("+4915112345678"), clock.instant(), calving));
        pump.pumpDue();

        assertEquals(List.of("anna/0/[17]", "vet/1/[17]"), sent());
        assertInstanceOf(AlarmState.ActiveAcknowledged.class, desk.find(calving).orElseThrow().state());
    }

    @Test
    void resolve_clearsTheAlarm_andRecordsWhoDidIt() {
        AlarmId off = raise("17", AlarmType.COLLAR_OFF);

        AckResult r = desk.resolve(off, "installer", "cli");

        AlarmState s = assertInstanceOf(AckResult.Done.class, r).alarm().state();
        AlarmState.ClearedAcknowledged c = assertInstanceOf(AlarmState.ClearedAcknowledged.class, s);
        assertTrue(c.ack().resolved());
        assertEquals(List.of(), desk.alarms(false));
        assertInstanceOf(AckResult.NotFound.class, desk.acknowledge(AlarmId.of(999), "x", "cli"));
    }

    @Test
    void eventsOfOnePass_commitTogether_withTheCriticalAlarmTakenFirst() {
        desk.onEvents(List.of(AlarmEvent.Raised.of(alarm("17", AlarmType.HEAT, clock.instant())),
                AlarmEvent.Raised.of(alarm("22", AlarmType.NO_MOTION, clock.instant()))));
        pump.pumpDue();

        List<AlarmView> views = desk.alarms(false);
        long down = views.stream().filter(v -> v.cow().value().equals("22")).findFirst().orElseThrow().id().value();
        long heat = views.stream().filter(v -> v.cow().value().equals("17")).findFirst().orElseThrow().id().value();
        assertTrue(down < heat, "the cow-down alarm was recorded (and queued) before the heat");
        assertEquals(List.of("anna/0/[22]"), sent(), "the critical one at once; the heat waits for its group");
    }

    @Test
    void passWhoseCommitFails_recordsItsOtherAlarmsOneByOne_andForgetsTheOneThatFailed() {
        db.write(Durability.FULL, c -> c.createStatement().execute("CREATE TRIGGER refuse_99 BEFORE INSERT ON alarm "
                + "WHEN (SELECT name FROM cow WHERE id = NEW.cow_id) = '99' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"));

        assertThrows(StoreException.class, () -> desk.onEvents(List.of(
                AlarmEvent.Raised.of(alarm("99", AlarmType.NO_MOTION, clock.instant())),
                AlarmEvent.Raised.of(alarm("17", AlarmType.NO_MOTION, clock.instant())))));
        pump.pumpDue();

        assertEquals(List.of("17"), desk.alarms(false).stream().map(v -> v.cow().value()).toList(),
                "cow 17 recorded; cow 99, refused, not even in memory");
        assertEquals(1, (int) db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM alarm")) {
                rs.next();
                return rs.getInt(1);
            }
        }));
        assertEquals(List.of("anna/0/[17]"), sent(), "the stored alarm's message goes out");

        // The desk goes on: the next alarm is recorded and sent as usual (after the pair rate's pause).
        clock.advance(Duration.ofSeconds(10));
        raise("23", AlarmType.NO_MOTION);
        assertEquals(List.of("anna/0/[17]", "anna/0/[23]"), sent());
    }
}
