package io.herdgate.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.DeliveryResult;
import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.notify.Reply;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.testing.PtyPair;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsChannelTest {

    private static final PhoneNumber FARMER = PhoneNumber.of("+4915112345678");
    private static final Instant RAISED = Instant.parse("2026-11-21T12:05:00Z");

    private final ManualClock clock = ManualClock.of(RAISED);
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<DeliveryStatus> statuses = new LinkedBlockingQueue<>();
    private PtyPair pty;
    private SimulatedModem modem;
    private SmsChannel channel;

    @BeforeEach
    void plugInModem() {
        pty = PtyPair.open();
        modem = SimulatedModem.on(pty.b());
    }

    @AfterEach
    void unplug() {
        if (channel != null) {
            channel.close();
        }
        modem.close();
        pty.close();
    }

    private SmsChannel start() {
        return start(Optional.empty());
    }

    private SmsChannel start(Optional<String> pin) {
        channel = SmsChannel.of(SmsSettings.of(pty.a().toString(), 115200, ZoneId.of("Europe/Berlin"),
                Duration.ofSeconds(1), Duration.ofSeconds(5), 3, true, Duration.ofSeconds(1), pin), replies::add,
                statuses::add, clock);
        channel.start();
        return channel;
    }

    private static Notification alarm(long id, String language, int step, String... cows) {
        Content c = new Content.AlarmMessage(AlarmId.of(id), AlarmType.HEAT, Severity.WARNING,
                List.of(cows).stream().map(CowId::of).toList(), RAISED, step, Map.of());
        return Notification.of(NotificationKey.of("alarm/" + id + "/anna/" + step),
                Recipient.of(ContactId.of("anna"), "Anna", FARMER, Locale.forLanguageTag(language)), Priority.HIGH, c);
    }

    @Test
    void alarm_goesAsOneGsm7TextModeSms_andTheReferenceIsTheProviderId() throws Exception {
        DeliveryResult r = start().deliver(alarm(7, "en", 0, "7019"));

        SimulatedModem.Submitted sms = modem.nextSubmitted().orElseThrow();
        assertEquals("+4915112345678", sms.number());
        assertEquals("Heat: cow 7019 since 11/21/26, 1:05 PM. Reply ACK 7 to take it, VET 7 to call the vet, "
                + "SNOOZE 7 for 30 min.", sms.text().replace('\u202f', ' '));
        assertEquals(0, sms.dcs(), "GSM 7-bit");
        assertEquals(49, sms.fo(), "status report requested");
        assertEquals(new DeliveryResult.Sent("sms:alarm/7/anna/0:" + sms.mr()), r);
        assertTrue(modem.commands().containsAll(List.of("ATE0", "AT+CMGF=1", "AT+CSCS=\"UCS2\"", "AT+CNMI=2,1,0,1,0")));
    }

    @Test
    void hindiText_goesAsUcs2_andAccentsGsm7LacksAreFolded() throws Exception {
        start().deliver(alarm(8, "hi", 0, "7019"));
        SimulatedModem.Submitted hindi = modem.nextSubmitted().orElseThrow();
        assertEquals(8, hindi.dcs());
        assertTrue(hindi.text().startsWith("(1/2) "), "70 characters a message: " + hindi.text());
        assertTrue(hindi.text().contains("गाय 7019"), hindi.text());
        assertEquals(8, modem.nextSubmitted().orElseThrow().dcs());

        channel.deliver(alarm(9, "pt-BR", 0, "7019"));
        SimulatedModem.Submitted portuguese = modem.nextSubmitted().orElseThrow();
        assertEquals(0, portuguese.dcs(), portuguese.text());
        assertTrue(portuguese.text().contains("veterinario"), portuguese.text());
    }

    @Test
    void longText_goesAsNumberedSingleMessages_eachWithinTheLimit() throws Exception {
        List<CowId> many = IntStream.range(0, 60).mapToObj(i -> CowId.of("DE0" + (1_000_000 + i))).toList();
        Notification summary = Notification.of(NotificationKey.of("summary/2026-11-21/anna"),
                Recipient.of(ContactId.of("anna"), "Anna", FARMER, Locale.ENGLISH), Priority.NORMAL,
                new Content.DailySummary(LocalDate.of(2026, 11, 21), many, List.of(), Map.of(), List.of()));

        DeliveryResult r = start().deliver(summary);

        assertInstanceOf(DeliveryResult.Sent.class, r);
        for (int i = 1; i <= 3; i++) {
            SimulatedModem.Submitted part = modem.nextSubmitted().orElseThrow();
            assertTrue(part.text().startsWith("(" + i + "/3) "), part.text());
            assertTrue(part.text().length() <= 160, part.text().length() + " characters");
            if (i == 3) {
                assertTrue(part.text().endsWith("..."), "the cut is visible: " + part.text());
            }
        }
        assertEquals(0, modem.submittedWaiting());
    }

    @Test
    void cmsErrors_areResultValues() throws Exception {
        start();
        modem.failNextSend("+CMS ERROR: 1");
        assertEquals(new DeliveryResult.Undeliverable("cms_1", "+CMS ERROR: 1"), channel.deliver(alarm(1, "en", 0, "1")));
        modem.failNextSend("+CMS ERROR: 42");
        assertInstanceOf(DeliveryResult.RetryLater.class, channel.deliver(alarm(2, "en", 0, "1")));
        modem.failNextSend("+CMS ERROR: 310");
        assertEquals(new DeliveryResult.ChannelDown("cms_310", "+CMS ERROR: 310"), channel.deliver(alarm(3, "en", 0, "1")));
    }

    @Test
    void silentModem_isRetryLater_afterTheCommandTimeout() {
        start().deliver(alarm(1, "en", 0, "1"));
        modem.silence(true);

        DeliveryResult r = channel.deliver(alarm(2, "en", 0, "1"));

        assertInstanceOf(DeliveryResult.RetryLater.class, r);
        assertEquals("timeout", ((DeliveryResult.RetryLater) r).code());
        assertFalse(channel.ready(), "an unanswered command closes the port for a reopen");
    }

    @Test
    void ackCode_texted_back_isAnAcknowledge_andTheSmsIsDeleted() throws Exception {
        start().deliver(alarm(7, "en", 0, "7019"));

        modem.receive("+4915112345678", "ack 123");

        Reply r = replies.poll(5, TimeUnit.SECONDS);
        assertEquals(new Reply.Acknowledge(FARMER, Instant.parse("2026-11-21T13:05:09Z"), AlarmId.of(123)), r);
        waitUntil(() -> !modem.holds(1));
    }

    @Test
    void bareAck_meansTheLastAlarmSentToThatPhone_andStopIsOptOut() throws Exception {
        start().deliver(alarm(41, "en", 0, "7019"));

        modem.receive("+4915112345678", "Ack");
        modem.receive("+4915112345678", "STOP");
        modem.receive("+4915112345678", "who is this?");

        assertEquals(AlarmId.of(41), ((Reply.Acknowledge) replies.poll(5, TimeUnit.SECONDS)).alarm());
        assertInstanceOf(Reply.OptOut.class, replies.poll(5, TimeUnit.SECONDS));
        waitUntil(() -> !modem.holds(3));
        assertTrue(replies.isEmpty(), "plain text is no reply");
    }

    @Test
    void repliesStoredWhileTheGatewayWasDown_areHandledAndDeleted_whenTheModemOpens() throws Exception {
        modem.storeQuietly("+4915112345678", "ACK 17");
        modem.storeQuietly("+4915112345678", "VET 18");

        start();

        assertEquals(new Reply.Acknowledge(FARMER, Instant.parse("2026-11-21T13:05:09Z"), AlarmId.of(17)),
                replies.poll(5, TimeUnit.SECONDS));
        assertEquals(new Reply.CallVet(FARMER, Instant.parse("2026-11-21T13:05:09Z"), AlarmId.of(18)),
                replies.poll(5, TimeUnit.SECONDS));
        waitUntil(() -> !modem.holds(1) && !modem.holds(2));
    }

    @Test
    void deliveryReport_isDelivered_forTheSentMessage() throws Exception {
        DeliveryResult.Sent sent = (DeliveryResult.Sent) start().deliver(alarm(7, "en", 0, "7019"));
        int mr = modem.nextSubmitted().orElseThrow().mr();

        modem.report(mr, 48);
        modem.report(mr, 0);

        DeliveryStatus s = statuses.poll(5, TimeUnit.SECONDS);
        assertEquals(sent.providerId(), s.providerId());
        assertEquals(DeliveryStatus.State.DELIVERED, s.state());
    }

    @Test
    void simAskingForAPin_getsTheConfiguredOne() throws Exception {
        modem.requirePin("4711");

        assertInstanceOf(DeliveryResult.Sent.class, start(Optional.of("4711")).deliver(alarm(7, "en", 0, "7019")));
        assertEquals(1, modem.pinTries());
    }

    @Test
    void wrongPin_isChannelDown_andNeverTriedTwice() throws Exception {
        modem.requirePin("4711");
        start(Optional.of("1234"));
        waitUntil(() -> modem.pinTries() == 1);

        DeliveryResult r = channel.deliver(alarm(7, "en", 0, "7019"));

        assertEquals("sim_pin", ((DeliveryResult.ChannelDown) r).code());
        Thread.sleep(2_500); // the background check runs every second
        assertEquals(1, modem.pinTries(), "a second wrong PIN brings the SIM closer to its PUK");
    }

    @Test
    void modemWithoutDeliveryReports_stillSends() throws Exception {
        modem.withoutDeliveryReports();

        assertInstanceOf(DeliveryResult.Sent.class, start().deliver(alarm(7, "en", 0, "7019")));
        assertEquals(17, modem.nextSubmitted().orElseThrow().fo(), "no status report requested");
    }

    @Test
    void unpluggedModem_isRetryLater_andIsReopenedWhenPluggedBackIn() throws Exception {
        start().deliver(alarm(1, "en", 0, "1"));
        modem.nextSubmitted().orElseThrow();

        pty.kill();
        modem.awaitUnplugged(Duration.ofSeconds(5));
        waitUntil(() -> !channel.ready());
        DeliveryResult down = channel.deliver(alarm(2, "en", 0, "1"));
        assertEquals("modem_down", ((DeliveryResult.RetryLater) down).code());

        pty.start();
        modem.plugIn();
        waitUntil(channel::ready);

        assertInstanceOf(DeliveryResult.Sent.class, channel.deliver(alarm(2, "en", 0, "1")));
        assertEquals("Heat", modem.nextSubmitted().orElseThrow().text().substring(0, 4));
    }

    @Test
    void retriedNotification_sendsOnlyThePartsNotSentBefore() throws Exception {
        List<CowId> many = IntStream.range(0, 40).mapToObj(i -> CowId.of("DE0" + (1_000_000 + i))).toList();
        Notification summary = Notification.of(NotificationKey.of("summary/2026-11-21/anna"),
                Recipient.of(ContactId.of("anna"), "Anna", FARMER, Locale.ENGLISH), Priority.NORMAL,
                new Content.DailySummary(LocalDate.of(2026, 11, 21), many, List.of(), Map.of(), List.of()));
        start();
        modem.failNextSend("+CMS ERROR: 42");
        // Part 1 is refused; nothing went out.
        assertInstanceOf(DeliveryResult.RetryLater.class, channel.deliver(summary));
        assertEquals(0, modem.submittedWaiting());

        assertInstanceOf(DeliveryResult.Sent.class, channel.deliver(summary));
        String first = modem.nextSubmitted().orElseThrow().text();
        assertTrue(first.startsWith("(1/3) "), first);
        assertTrue(modem.nextSubmitted().orElseThrow().text().startsWith("(2/3) "));
        assertTrue(modem.nextSubmitted().orElseThrow().text().startsWith("(3/3) "));

        assertInstanceOf(DeliveryResult.Sent.class, channel.deliver(summary), "asked again: nothing more is sent");
        Thread.sleep(300);
        assertEquals(0, modem.submittedWaiting());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
