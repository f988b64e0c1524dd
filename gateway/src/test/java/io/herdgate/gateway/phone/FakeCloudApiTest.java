package io.herdgate.gateway.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.sim.herd.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake on its own, spoken to with raw HTTP: it must refuse what Meta refuses. */
class FakeCloudApiTest {

    private static final String TOKEN = "EAAfakeToken1";
    private static final PhoneNumber ANNA = PhoneNumber.of("+4915112345678");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ManualClock clock = ManualClock.of(Instant.parse("2026-11-21T06:00:00Z"));
    private FakeCloudApi fake;

    @BeforeEach
    void start() {
        fake = FakeCloudApi.start(FakeCloudApiSettings.of(PhoneNumberId.of("1234"), Secret.of(TOKEN), Secret.of("app"), clock));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> r) throws Exception {
        return new ObjectMapper().readTree(r.body()).path("error");
    }

    private static final String TEXT = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
            + "\"to\":\"4915112345678\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}";

    @Test
    void messages_bodyAgainstTheSpec_isRefusedWith100AndRecorded() throws Exception {
        HttpResponse<String> r = post("/v23.0/1234/messages", TOKEN, "{\"messaging_product\":\"whatsapp\",\"to\":\"4915112345678\"}");
        assertEquals(400, r.statusCode());
        assertEquals(100, error(r).path("code").asInt());
        List<String> v = fake.violations();
        assertTrue(!v.isEmpty() && v.get(0).startsWith("POST /v23.0/1234/messages: body"), v.toString());
        assertTrue(fake.inbox(ANNA).isEmpty());
    }

    @Test
    void messages_wrongToken_is401Code190() throws Exception {
        HttpResponse<String> r = post("/v23.0/1234/messages", "EAAother", TEXT);
        assertEquals(401, r.statusCode());
        assertEquals(190, error(r).path("code").asInt());
    }

    @Test
    void messages_otherPhoneNumberId_isRefused() throws Exception {
        assertEquals(400, post("/v23.0/9999/messages", TOKEN, TEXT).statusCode());
    }

    @Test
    void messages_freeTextWithoutAnOpenWindow_is131047() throws Exception {
        HttpResponse<String> r = post("/v23.0/1234/messages", TOKEN, TEXT);
        assertEquals(131047, error(r).path("code").asInt());
    }

    @Test
    void messages_freeTextAfterTheFarmerWrote_isDeliveredAndShownOnThePage() throws Exception {
        fake.sendText(ANNA, "hello");
        HttpResponse<String> r = post("/v23.0/1234/messages", TOKEN, TEXT.replace("hi", "Cow <7019> is fine"));
        assertEquals(200, r.statusCode(), r.body());
        String id = new ObjectMapper().readTree(r.body()).path("messages").path(0).path("id").asText();
        assertEquals(id, fake.inbox(ANNA).get(0).id());
        String page = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/phone")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("Cow &lt;7019&gt; is fine") && page.contains("+4915112345678"), page);
    }

    @Test
    void writePage_leavesTheMessagesInAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        fake.sendText(ANNA, "hello");
        post("/v23.0/1234/messages", TOKEN, TEXT.replace("hi", "Cow 7019 is down"));
        java.nio.file.Path file = dir.resolve("phone.html");
        fake.writePage(file);
        assertTrue(java.nio.file.Files.readString(file).contains("Cow 7019 is down"));
    }

    @Test
    void messages_unapprovedLanguage_is132001() throws Exception {
        String body = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"4915112345678\","
                + "\"type\":\"template\",\"template\":{\"name\":\"herd_collar_offline\",\"language\":{\"policy\":\"deterministic\",\"code\":\"nl\"},"
                + "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"7019\"},{\"type\":\"text\",\"text\":\"06:00\"}]}]}}";
        assertEquals(132001, error(post("/v23.0/1234/messages", TOKEN, body)).path("code").asInt());
        assertEquals(200, post("/v23.0/1234/messages", TOKEN, body.replace("\"nl\"", "\"fr\"")).statusCode());
        assertEquals("Collier hors ligne : aucune donnée du collier de la vache 7019 depuis 06:00. Vérifiez le collier et la passerelle.",
                fake.inbox(ANNA).get(0).text());
    }

    @Test
    void tap_unknownButton_namesTheButtonsThereAre() throws Exception {
        fake.sendText(ANNA, "hello");
        String body = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"4915112345678\",\"type\":\"interactive\","
                + "\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"x\"},\"action\":{\"buttons\":[{\"type\":\"reply\",\"reply\":{\"id\":\"ack:1\",\"title\":\"OK\"}}]}}}";
        post("/v23.0/1234/messages", TOKEN, body);
        String id = fake.inbox(ANNA).get(0).id();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fake.tap(ANNA, id, "Nope"));
        assertEquals("message " + id + " has no button 'Nope', it has [OK]", e.getMessage());
    }
}
