package io.herdgate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiAuthTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final ApiToken token = ApiToken.random();
    private HttpServer server;

    @BeforeEach
    void start() {
        server = HttpServer.start(HttpSettings.loopbackAnyPort(), ApiAuth.of(token), List.of(app -> {
            app.get("/api/ping", ctx -> ctx.result("pong"));
            app.get("/health", ctx -> ctx.result("ok"));
            app.get("/metrics", ctx -> ctx.result("m"));
        }));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void api_withTheBearerToken_isServed() throws Exception {
        HttpResponse<String> r = get("/api/ping", "Bearer " + token.reveal());

        assertEquals(200, r.statusCode());
        assertEquals("pong", r.body());
    }

    @Test
    void api_withoutAuthorization_is401WithBearerChallenge() throws Exception {
        HttpResponse<String> r = get("/api/ping", null);

        assertEquals(401, r.statusCode());
        assertEquals("Bearer realm=\"herdgate\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
        assertTrue(r.body().startsWith("{\"status\":401,"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong-token-wrong-token", "Basic dXNlcjpwYXNz", "Bearer", "Bearer  "})
    void api_withAWrongOrMalformedAuthorization_is401(String authorization) throws Exception {
        assertEquals(401, get("/api/ping", authorization).statusCode());
    }

    @Test
    void api_withTheTokenPlusExtraCharacters_is401() throws Exception {
        assertEquals(401, get("/api/ping", "Bearer " + token.reveal() + "x").statusCode());
    }

    @Test
    void unknownApiPath_withoutToken_is401NotAHintThatItIsMissing() throws Exception {
        assertEquals(401, get("/api/does-not-exist", null).statusCode());
        assertEquals(404, get("/api/does-not-exist", "Bearer " + token.reveal()).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%61pi/ping", "/api/ping/", "//api/ping", "/API/ping", "/api/./ping", "/x/../api/ping",
            "/api%2Fping"})
    void otherSpellingsOfAnApiPath_withoutToken_areNeverServed(String path) throws Exception {
        HttpResponse<String> r = get(path, null);

        assertTrue(r.statusCode() == 401 || r.statusCode() == 404, path + " gave " + r.statusCode());
        assertFalse(r.body().contains("pong"), path);
    }

    @Test
    void healthAndMetrics_areOpen() throws Exception {
        assertEquals(200, get("/health", null).statusCode());
        assertEquals(200, get("/metrics", null).statusCode());
    }
}
