package io.herdgate.gateway.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudApiSpecTest {

    private static final CloudApiSpec SPEC = CloudApiSpec.bundled();
    private static final Map<String, String> JSON_HEADERS = Map.of(
            "Authorization", "Bearer EAAtoken123",
            "Content-Type", "application/json",
            "User-Agent", "herdgate/0.1.0");

    static final String TEMPLATE = """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template",
             "template":{"name":"herd_heat","language":{"policy":"deterministic","code":"de"},
              "components":[
               {"type":"header","parameters":[{"type":"image","image":{"id":"1234"}}]},
               {"type":"body","parameters":[{"type":"text","text":"7019"},{"type":"text","text":"212"}]},
               {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"ack:42"}]}]}}
            """;

    static final String INTERACTIVE = """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"interactive",
             "interactive":{"type":"button","body":{"text":"Cow 7019 in heat"},
              "action":{"buttons":[{"type":"reply","reply":{"id":"ack:42","title":"Acknowledge"}}]}}}
            """;

    private static List<String> post(String path, String body) {
        return SPEC.violations(SpecRequest.of("POST", path, Map.of(), JSON_HEADERS, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void violations_templateMessageWithImageHeaderAndQuickReply_isValid() {
        assertEquals(List.of(), post("/v23.0/106540352242922/messages", TEMPLATE));
    }

    @Test
    void violations_interactiveReplyButtons_isValid() {
        assertEquals(List.of(), post("/v23.0/106540352242922/messages", INTERACTIVE));
    }

    @Test
    void violations_textMessage_isValid() {
        assertEquals(List.of(), post("/v23.0/1/messages", """
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"text",
                 "text":{"body":"hello"}}"""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // no recipient
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}",
            // an unknown property on a text message
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"},\"colour\":\"red\"}",
            // template language without its policy
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"1\",\"type\":\"template\",\"template\":{\"name\":\"t\",\"language\":{\"code\":\"de\"}}}",
            // four reply buttons, at most three allowed
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"1\",\"type\":\"interactive\",\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"x\"},\"action\":{\"buttons\":["
                    + "{\"type\":\"reply\",\"reply\":{\"id\":\"a\",\"title\":\"a\"}},{\"type\":\"reply\",\"reply\":{\"id\":\"b\",\"title\":\"b\"}},"
                    + "{\"type\":\"reply\",\"reply\":{\"id\":\"c\",\"title\":\"c\"}},{\"type\":\"reply\",\"reply\":{\"id\":\"d\",\"title\":\"d\"}}]}}}",
            // a button title longer than 20 characters
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"1\",\"type\":\"interactive\",\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"x\"},\"action\":{\"buttons\":["
                    + "{\"type\":\"reply\",\"reply\":{\"id\":\"a\",\"title\":\"Acknowledge this alarm now\"}}]}}}",
            // not JSON
            "{\"messaging_product\":",
    })
    void violations_wrongBody_isRejected(String body) {
        List<String> problems = post("/v23.0/106540352242922/messages", body);
        assertFalse(problems.isEmpty(), "accepted: " + body);
        assertTrue(problems.stream().allMatch(p -> p.startsWith("body")), problems.toString());
    }

    @Test
    void violations_missingAuthorization_namesTheHeader() {
        List<String> problems = SPEC.violations(SpecRequest.of("POST", "/v23.0/1/messages", Map.of(),
                Map.of("Content-Type", "application/json"), INTERACTIVE.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("header Authorization: required but missing"), problems);
    }

    @Test
    void violations_wrongContentType_namesTheAllowedOnes() {
        List<String> problems = SPEC.violations(SpecRequest.of("POST", "/v23.0/1/messages", Map.of(),
                Map.of("Authorization", "Bearer abc", "Content-Type", "text/plain"), "hi".getBytes(StandardCharsets.UTF_8)));
        assertTrue(problems.stream().anyMatch(p -> p.contains("allowed: application/json")), problems.toString());
    }

    @Test
    void violations_unknownPath_isRejected() {
        assertEquals(List.of("no operation POST /v23.0/1/mesages/x in the API"), post("/v23.0/1/mesages/x", "{}"));
    }

    @Test
    void violations_multipartMediaUpload_isValid() {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nimage/png\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"chart.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n\u0089PNG\r\n--" + boundary + "--\r\n";
        List<String> problems = SPEC.violations(SpecRequest.of("POST", "/v23.0/1/media", Map.of(),
                Map.of("Authorization", "Bearer abc", "Content-Type", "multipart/form-data; boundary=" + boundary),
                body.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(List.of(), problems);
    }

    @Test
    void schemaViolations_statusWithoutRecipient_isRejected() {
        var status = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("id", "wamid.1").put("status", "read").put("timestamp", "1750000000");
        assertFalse(SPEC.schemaViolations("Statuses", status).isEmpty());
        status.put("recipient_id", "4915112345678");
        assertEquals(List.of(), SPEC.schemaViolations("Statuses", status));
    }
}
