package io.herdgate.gateway.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.herdgate.gateway.alarm.AlarmDesk;
import io.herdgate.gateway.alarm.AlarmState;
import io.herdgate.gateway.alarm.AlarmView;
import io.herdgate.gateway.config.ConfigCheck;
import io.herdgate.gateway.config.GatewayConfigFile;
import io.herdgate.gateway.link.MqttLinkSettings;
import io.herdgate.gateway.link.SimulatedMqttRadio;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.phone.Delivered;
import io.herdgate.gateway.phone.FakeCloudApi;
import io.herdgate.gateway.phone.FakeCloudApiSettings;
import io.herdgate.gateway.testing.GatewayFiles;
import io.herdgate.gateway.testing.Mosquitto;
import io.herdgate.gateway.testing.RegisteredHerd;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.gateway.whatsapp.WebhookSignature;
import io.herdgate.gateway.whatsapp.WhatsAppWebhook;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.event.CowDown;
import io.herdgate.sim.event.Episode;
import io.herdgate.sim.herd.EventScript;
import io.herdgate.sim.herd.HerdConfig;
import io.herdgate.sim.herd.ManualClock;
import io.herdgate.sim.herd.SimulatedHerd;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #5 end to end, every part real: simulated collars publish over a real mosquitto, the gateway reads
 * its real configuration file and sends through the fake WhatsApp Cloud API, whose phones answer through
 * the signed webhook. Simulated time (a {@link ManualClock}) moves a minute at a time. Cow 2 goes down at
 * the start (the simulator's cow-down episode) and the gateway's detection engine raises the cow-down
 * alarm from her collar's frames after six hours of stillness, as the default rules say. The heat is
 * handed to the desk as the engine would raise it: heat needs days of the cow's own baseline.
 */
class AlarmsEndToEndTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final PhoneNumber ANNA = PhoneNumber.of("+4915112345678");
    private static final PhoneNumber VET = PhoneNumber.of("+4930123456789");
    private static final String PHONE_ID = "106540352242922";
    private static final Secret TOKEN = Secret.of("test-access-token");
    private static final Secret APP_SECRET = Secret.of("test-app-secret");

    private static final String CONTACTS = """
            contacts:
              - id: anna
                name: Anna Huber
                phone: "+4915112345678"
                language: de
                role: farmer
                opt-in: {at: 2026-03-01, how: signed form at installation}
              - id: vet-mueller
                name: Dr. Müller
                phone: "+4930123456789"
                language: en
                role: vet
                opt-in: {at: 2026-03-01, how: practice contract}
            routes:
              - name: urgent
                severity: critical
                chain:
                  - contact: anna
                  - {contact: vet-mueller, after: 15m}
              - name: everything-else
                chain:
                  - contact: anna
            grouping: {window: 0m}
            """;

    private final ManualClock clock = ManualClock.of(START);
    private final BlockingQueue<byte[]> downlinks = new LinkedBlockingQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private SimulatedHerd herd;

    @Test
    void heatByWhatsApp_acknowledgedByButton_cowDownEscalatesToVet_badSignatureAndStopChangeNothing(@TempDir Path dir)
            throws Exception {
        // cow 2 collapses at the start of the run and stays down for 8 h
        HerdConfig herdConfig = HerdConfig.of(2, 11, START, Duration.ofHours(3)).withScript(EventScript.of(List.of(
                EventScript.Placed.of(io.herdgate.sim.herd.CowId.of(2), CowDown.of(START, Duration.ofHours(8))))));
        try (Mosquitto broker = Mosquitto.plain().start();
             FakeCloudApi phones = FakeCloudApi.start(FakeCloudApiSettings.of(PhoneNumberId.of(PHONE_ID), TOKEN, APP_SECRET,
                     clock))) {
            Path configFile = writeConfig(dir, broker, phones);
            RegisteredHerd.register(dir.resolve("data"), herdConfig);
            ConfigCheck check = GatewayConfigFile.read(configFile);
            ConfigCheck.Valid valid = assertInstanceOf(ConfigCheck.Valid.class, check, check.toString());
            try (Gateway g = Gateway.builder(valid.config()).clock(clock).ticker(this::nanos).manualSchedule().unsyncedStorage()
                    .start();
                 SimulatedMqttRadio radio = SimulatedMqttRadio.connect(MqttLinkSettings.of(broker.uri(), "barn").withClientId("collars-barn"), 10_000,
                         downlinks::add)) {
                URI webhook = URI.create("http://127.0.0.1:" + g.httpPort() + WhatsAppWebhook.PATH);
                phones.webhookTo(webhook);
                // The link subscribes after the gateway has started: a join sent before would reach no one.
                awaitMqttLinkUp(g.httpPort());
                AtomicReference<SimulatedHerd> self = new AtomicReference<>();
                herd = SimulatedHerd.of(herdConfig, frame -> {
                    clock.set(self.get().now());
                    radio.send(frame);
                    sent.incrementAndGet();
                    if (isJoinRequest(frame)) {
                        awaitJoinAccept(self.get());
                    } else {
                        // the link dates a frame by the clock when it arrives: the clock waits for it
                        awaitHandled(g);
                    }
                });
                self.set(herd);
                AlarmDesk desk = g.alarmDesk();
                Episode collapse = herd.schedule().episodes(io.herdgate.sim.herd.CowId.of(2)).get(0);
                assertInstanceOf(CowDown.class, collapse);
                assertTrue(collapse.end().isAfter(START.plus(Duration.ofHours(6).plusMinutes(20))),
                        "cow 2 stays down past the six hours the detector waits: " + collapse);

                // two hours of the herd over MQTT: both cows observed every minute (the charts' data)
                run(g, Duration.ofHours(2));
                assertTrue(g.status().observations() >= 2 * 115, g.status().toString());

                // heat of cow 1, as the detection engine tells it: the right template, in Anna's language, with the chart
                desk.onEvent(AlarmEvent.Raised.of(Alarm.of(CowId.of("1"), AlarmType.HEAT, clock.instant(), Severity.WARNING,
                        Explanation.of("activity", 2.6, OptionalDouble.of(1.0), 1.8, Duration.ofHours(3), Map.of()))));
                AlarmView first = desk.alarms(false).get(0);
                run(g, Duration.ofMinutes(2));
                Delivered firstMessage = only(phones.inbox(ANNA), "herd_heat/de");
                assertTrue(firstMessage.text().startsWith("Brunst erkannt bei Kuh 1:"), firstMessage.text());
                assertEquals(List.of("Erledige ich", "2 Std. später", "Tierarzt rufen"),
                        firstMessage.buttons().stream().map(Delivered.Button::label).toList());
                assertTrue(firstMessage.image().isPresent(), "the alarm's activity chart is the header picture");
                byte[] png = firstMessage.image().get();
                assertEquals(0x89, png[0] & 0xff);
                assertEquals('P', png[1]);

                // a webhook with a bad signature is refused and changes nothing
                String tap = tapBody(firstMessage);
                assertEquals(403, post(webhook, tap, WebhookSignature.sign(Secret.of("not-the-app-secret"),
                        tap.getBytes(StandardCharsets.UTF_8))));
                assertInstanceOf(AlarmState.ActiveUnacknowledged.class, desk.find(first.id()).orElseThrow().state());

                // the button tap comes back signed and acknowledges the alarm
                phones.tap(ANNA, firstMessage.id(), "Erledige ich");
                phones.awaitWebhooks(Duration.ofSeconds(10));
                assertInstanceOf(AlarmState.ActiveAcknowledged.class, desk.find(first.id()).orElseThrow().state());
                run(g, Duration.ofMinutes(20));
                assertEquals(List.of(), phones.inbox(VET), "an acknowledged alarm does not escalate");

                // Anna answers STOP: she gets nothing more, the vet still hears of the cow down on time
                phones.sendText(ANNA, "STOP");
                phones.awaitWebhooks(Duration.ofSeconds(10));
                int annasMessages = phones.inbox(ANNA).size();
                // the engine raises cow 2's cow-down from her frames once she has been still for six hours
                Instant deadline = START.plus(Duration.ofHours(6).plusMinutes(10));
                while (down(desk).isEmpty() && clock.instant().isBefore(deadline)) {
                    run(g, Duration.ofMinutes(1));
                }
                AlarmView down = down(desk).orElseThrow(() -> new AssertionError("no cow-down raised by " + deadline));
                assertEquals(CowId.of("2"), down.cow());
                assertFalse(down.raisedAt().isBefore(START.plus(Duration.ofHours(6))), "raised at " + down.raisedAt());
                Instant raised = down.raisedAt();
                run(g, Duration.ofMinutes(14));
                assertEquals(List.of(), phones.inbox(VET), "the vet is told only after the chain's 15 minutes");
                run(g, Duration.ofMinutes(3));
                // critical: words and buttons at once, without an image; the chart follows as a message of its own
                Delivered toVet = only(phones.inbox(VET), "herd_cow_down_critical/en");
                assertTrue(toVet.text().contains("2"), toVet.text());
                assertEquals(Optional.empty(), toVet.image());
                assertEquals(3, toVet.buttons().size());
                assertFalse(toVet.at().isBefore(raised.plus(Duration.ofMinutes(15))), toVet.at() + " vs raised " + raised);
                Delivered chart = awaitChart(phones, VET);
                assertTrue(chart.text().contains("cow 2"), chart.text());
                assertTrue(ImageIO.read(new ByteArrayInputStream(chart.image().orElseThrow())).getWidth() > 0, "a PNG chart");
                assertEquals(2, phones.inbox(VET).size(), "the healthy cow raised nothing: " + phones.inbox(VET));
                assertInstanceOf(AlarmState.ActiveUnacknowledged.class, desk.find(down.id()).orElseThrow().state());
                assertEquals(annasMessages, phones.inbox(ANNA).size(), "nothing reaches a contact who sent STOP");
                assertEquals(List.of(), phones.violations());
            }
        }
    }

    private static Optional<AlarmView> down(AlarmDesk desk) {
        return desk.alarms(false).stream().filter(v -> v.type() == AlarmType.NO_MOTION).findFirst();
    }

    private Path writeConfig(Path dir, Mosquitto broker, FakeCloudApi phones) {
        return GatewayFiles.in(dir).timeZone("Europe/Berlin")
                .contacts(CONTACTS)
                .whatsapp(phones.baseUrl(), PHONE_ID, TOKEN, APP_SECRET)
                .yaml("""
                        links:
                          mqtt:
                            broker: %s
                            gateway_name: barn
                        """.formatted(broker.uri()))
                .write();
    }

    /** Runs the herd and the gateway for {@code d}: each minute's frames handled, then the due jobs run. */
    private void run(Gateway g, Duration d) {
        Instant to = herd.now().plus(d);
        for (Instant t = herd.now(); t.isBefore(to); ) {
            t = t.plus(Duration.ofMinutes(1));
            herd.advanceTo(t);
            awaitHandled(g);
            deliverDownlinks();
            clock.set(t);
            g.runSchedule();
        }
    }

    private void awaitHandled(Gateway g) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            GatewayStatus s = g.status();
            if (s.framesAccepted() + s.framesRejected() >= sent.get()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("the gateway handled " + (s.framesAccepted() + s.framesRejected()) + " of " + sent.get() + " frames");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000);
        }
    }

    private void deliverDownlinks() {
        for (byte[] d; (d = downlinks.poll()) != null; ) {
            herd.receive(d);
        }
    }

    private static void awaitMqttLinkUp(int httpPort) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/health")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String body = "";
        while (System.nanoTime() < deadline) {
            body = http.send(get, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("{\"name\":\"mqtt\",\"state\":\"up\"")) {
                return;
            }
            Thread.sleep(50);
        }
        fail("the gateway's MQTT link did not come up within 20 s: " + body);
    }

    /** On air the accept comes within a second; the collar would otherwise back off and ask again. */
    private void awaitJoinAccept(SimulatedHerd h) {
        try {
            byte[] accept = downlinks.poll(20, TimeUnit.SECONDS);
            if (accept == null) {
                fail("no join accept within 20 s");
            }
            h.receive(accept);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
    }

    private static boolean isJoinRequest(byte[] frame) {
        return FrameParser.check(frame, 0, frame.length).isEmpty()
                && FrameParser.header(frame, 0).type() == MessageType.JOIN_REQUEST;
    }

    /** The chart following a critical alarm to {@code phone}; it is sent on a thread of its own, so it is waited for. */
    private static Delivered awaitChart(FakeCloudApi phones, PhoneNumber phone) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Delivered> chart = phones.inbox(phone).stream()
                    .filter(m -> m.template().equals(Optional.of("herd_alarm_chart/en"))).findFirst();
            if (chart.isPresent()) {
                return chart.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no chart followed the critical alarm: " + phones.inbox(phone));
    }

    /** The one message of {@code template} ("name/language") in {@code inbox}. */
    private static Delivered only(List<Delivered> inbox, String template) {
        List<Delivered> found = inbox.stream().filter(m -> m.template().equals(Optional.of(template))).toList();
        assertEquals(1, found.size(), "one " + template + " message in " + inbox);
        return found.get(0);
    }

    /** What Meta posts when Anna taps the first button of {@code m}. */
    private static String tapBody(Delivered m) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"%s","phone_number_id":"%s"},
                "messages":[{"from":"%s","id":"wamid.forged","timestamp":"%d","context":{"id":"%s"},
                "type":"button","button":{"payload":"%s","text":"%s"}}]}}]}]}
                """.formatted(FakeCloudApi.DISPLAY_NUMBER, PHONE_ID, ANNA.e164().substring(1), START.getEpochSecond(), m.id(),
                m.buttons().get(0).payload(), m.buttons().get(0).label());
    }

    private static int post(URI uri, String body, String signature) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, signature).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private long nanos() {
        Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

}
