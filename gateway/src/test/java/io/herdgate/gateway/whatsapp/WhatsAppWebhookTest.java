package io.herdgate.gateway.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.DeliveryStatus;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Reply;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteMessageLog;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The webhook on a real server, fed signed (and unsigned) payloads shaped like Meta's. */
class WhatsAppWebhookTest {

    private static final Secret APP_SECRET = WhatsAppChannelTest.APP_SECRET;
    private static final PhoneNumber ANNA = WhatsAppChannelTest.ANNA;
    private static final Instant AT = Instant.ofEpochSecond(1_790_000_000L);

    private final List<Reply> replies = new CopyOnWriteArrayList<>();
    private final List<DeliveryStatus> statuses = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Database db;
    private SqliteMessageLog log;
    private Javalin app;
    private URI url;

    @BeforeEach
    void start(@TempDir Path dir) {
        db = Database.open(dir.resolve("gateway.db"));
        log = SqliteMessageLog.of(db);
        WhatsAppSettings settings = WhatsAppSettings.of(WhatsAppChannelTest.PNID, WhatsAppChannelTest.TOKEN, APP_SECRET,
                WhatsAppChannelTest.VERIFY, ZoneOffset.UTC);
        app = Javalin.create(c -> c.showJavalinBanner = false);
        WhatsAppWebhook.of(settings, log, replies::add, statuses::add).register(app);
        app.start("127.0.0.1", 0);
        url = URI.create("http://127.0.0.1:" + app.port() + WhatsAppWebhook.PATH);
    }

    @AfterEach
    void stop() {
        app.stop();
        db.close();
    }

    private HttpResponse<String> post(String body, Optional<String> signature) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signature.ifPresent(s -> b.header(WebhookSignature.HEADER, s));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signed(String body) throws IOException, InterruptedException {
        return post(body, Optional.of(WebhookSignature.sign(APP_SECRET, body.getBytes(StandardCharsets.UTF_8))));
    }

    static String messages(String message) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"419561257915477","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                  "contacts":[{"profile":{"name":"Anna"},"wa_id":"4915112345678"}],"messages":[%s]}}]}]}
                """.formatted(message);
    }

    static String text(String id, String body, String context) {
        return "{\"from\":\"4915112345678\",\"id\":\"" + id + "\",\"timestamp\":\"1790000000\",\"type\":\"text\","
                + (context.isEmpty() ? "" : "\"context\":{\"from\":\"15550783881\",\"id\":\"" + context + "\"},")
                + "\"text\":{\"body\":\"" + body + "\"}}";
    }

    static String status(String id, String state, long at, String extra) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"419561257915477","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                  "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"4915112345678"%s}]}}]}]}
                """.formatted(id, state, at, extra);
    }

    private static final String TAP = messages("""
            {"context":{"from":"15550783881","id":"wamid.out1"},"from":"4915112345678","id":"wamid.in1",
             "timestamp":"1790000000","type":"button","button":{"payload":"vet:7","text":"Call vet"}}""");

    @Test
    void get_verificationWithTheRightToken_echoesTheChallenge() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "?hub.mode=subscribe&hub.verify_token=verify-me"
                + "&hub.challenge=1158201444")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("1158201444", r.body());
    }

    @Test
    void get_verificationWithAWrongToken_isForbidden() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "?hub.mode=subscribe&hub.verify_token="
                + URLEncoder.encode("verify-you", StandardCharsets.UTF_8) + "&hub.challenge=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
    }

    @Test
    void post_withoutSignature_is401AndChangesNothing() throws Exception {
        assertEquals(401, post(TAP, Optional.empty()).statusCode());
        assertEquals(List.of(), replies);
        assertTrue(log.lastInbound(ANNA).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"sha256=00", "sha1=abc", "sha256=zz", "'sha256=0000000000000000000000000000000000000000000000000000000000000000'"})
    void post_withAWrongSignature_is403AndChangesNothing(String signature) throws Exception {
        assertEquals(403, post(TAP, Optional.of(signature)).statusCode());
        assertEquals(List.of(), replies);
        assertTrue(log.lastInbound(ANNA).isEmpty());
    }

    @Test
    void post_signedWithAnotherSecret_is403() throws Exception {
        String sig = WebhookSignature.sign(Secret.of("someone-else"), TAP.getBytes(StandardCharsets.UTF_8));
        assertEquals(403, post(TAP, Optional.of(sig)).statusCode());
        assertEquals(List.of(), replies);
    }

    @Test
    void post_sameButtonTapTwice_isOneReplyAndOpensTheWindow() throws Exception {
        assertEquals(200, signed(TAP).statusCode());
        assertEquals(200, signed(TAP).statusCode());
        assertEquals(List.of(new Reply.CallVet(ANNA, AT, AlarmId.of(7))), replies);
        assertEquals(Optional.of(AT), log.lastInbound(ANNA));
    }

    @Test
    void post_interactiveButtonReply_isAReply() throws Exception {
        signed(messages("""
                {"context":{"from":"15550783881","id":"wamid.out1"},"from":"4915112345678","id":"wamid.in2","timestamp":"1790000000",
                 "type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"snooze:9","title":"Snooze 2 h"}}}"""));
        assertEquals(List.of(new Reply.Snooze(ANNA, AT, AlarmId.of(9), Duration.ofHours(2))), replies);
    }

    @ParameterizedTest
    @CsvSource({"STOP, OptOut", "' stop ', OptOut", "START, OptIn", "ok 42, Acknowledge", "ACK #42, Acknowledge",
            "snooze 42, Snooze", "VET 42, CallVet"})
    void post_textCommand_isItsReply(String body, String kind) throws Exception {
        signed(messages(text("wamid.t1", body, "")));
        assertEquals(1, replies.size());
        assertEquals(kind, replies.get(0).getClass().getSimpleName());
    }

    @Test
    void post_bareOkQuotingOurAlarmMessage_acknowledgesThatAlarm() throws Exception {
        log.recordSent(MessageId.of("wamid.out5"), NotificationKey.of("alarm/5/anna/0"), Optional.of(AlarmId.of(5)), ANNA, AT);
        signed(messages(text("wamid.t2", "Ok", "wamid.out5")));
        assertEquals(List.of(new Reply.Acknowledge(ANNA, AT, AlarmId.of(5))), replies);
    }

    @Test
    void post_replyToAnotherBusinessNumber_isIgnored() throws Exception {
        signed(TAP.replace("\"phone_number_id\":\"106540352242922\"", "\"phone_number_id\":\"999\""));
        assertEquals(List.of(), replies);
        assertTrue(log.lastInbound(ANNA).isEmpty());
    }

    @Test
    void post_chatter_isNoReplyButOpensTheWindow() throws Exception {
        signed(messages(text("wamid.t3", "the cow looks fine", "")));
        assertEquals(List.of(), replies);
        assertEquals(Optional.of(AT), log.lastInbound(ANNA));
    }

    @Test
    void post_statusesOutOfOrder_keepTheFurthestAndReportOnlyChanges() throws Exception {
        signed(status("wamid.s1", "read", 1_790_000_030L, ""));
        signed(status("wamid.s1", "delivered", 1_790_000_020L, ""));
        signed(status("wamid.s1", "sent", 1_790_000_010L, ""));
        signed(status("wamid.s1", "read", 1_790_000_030L, ""));

        assertEquals(DeliveryStatus.State.READ, log.status(MessageId.of("wamid.s1")).orElseThrow().state());
        assertEquals(1, statuses.size());
    }

    @Test
    void post_failedStatus_isStoredWithItsError() throws Exception {
        signed(status("wamid.s2", "sent", 1_790_000_010L, ""));
        signed(status("wamid.s2", "failed", 1_790_000_020L,
                ",\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\",\"error_data\":{\"details\":\"not on WhatsApp\"}}]"));
        signed(status("wamid.s2", "delivered", 1_790_000_030L, ""));

        DeliveryStatus s = log.status(MessageId.of("wamid.s2")).orElseThrow();
        assertEquals(DeliveryStatus.State.FAILED, s.state());
        assertEquals("131026 Message undeliverable: not on WhatsApp", s.detail());
    }

    @Test
    void post_oddEntries_areSkippedAndTheRestIsRead() throws Exception {
        String body = messages("{\"from\":\"nonsense\",\"id\":\"wamid.bad\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"STOP\"}},"
                + "{\"from\":\"4915112345678\",\"id\":\"wamid.x\",\"timestamp\":\"soon\",\"type\":\"text\",\"text\":{\"body\":\"STOP\"}},"
                + text("wamid.good", "STOP", "") + ",{\"weird\":true}");
        assertEquals(200, signed(body).statusCode());
        assertEquals(List.of(new Reply.OptOut(ANNA, AT)), replies);
    }

    @Test
    void secrets_neverAppearInLogs() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            post(TAP, Optional.of("sha256=00"));
            http.send(HttpRequest.newBuilder(URI.create(url + "?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            WhatsAppSettings s = WhatsAppSettings.of(WhatsAppChannelTest.PNID, WhatsAppChannelTest.TOKEN, APP_SECRET,
                    WhatsAppChannelTest.VERIFY, ZoneOffset.UTC).withBaseUrl(URI.create("http://127.0.0.1:" + app.port()));
            // The gateway's own server is no Cloud API: the send fails and is logged.
            WhatsAppChannel.of(s, TemplateCatalog.bundled(), alarm -> Optional.empty(), log, java.time.Clock.systemUTC())
                    .deliver(WhatsAppChannelTest.heat(1, ANNA, "en"));
            org.tinylog.Logger.info("settings {}", s);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("wrong signature") && text.contains("not sent"), "logs were captured: " + text);
        for (Secret secret : List.of(WhatsAppChannelTest.TOKEN, APP_SECRET, WhatsAppChannelTest.VERIFY)) {
            assertFalse(text.contains(secret.reveal()), "a secret leaked into: " + text);
        }
    }
}
