package io.herdgate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiClientTest {

    @TempDir
    Path dataDir;

    @Test
    void forDataDir_callsTheApiWithTheGatewaysToken() {
        ApiToken token = ApiToken.loadOrCreate(dataDir);
        try (HttpServer server = HttpServer.start(HttpSettings.loopbackAnyPort(), ApiAuth.of(token), List.of(app -> {
            app.get("/api/echo", ctx -> ctx.result("got " + ctx.queryParam("q")));
            app.post("/api/echo", ctx -> ctx.status(201).result(ctx.body()));
        }))) {
            ApiClient api = ApiClient.forDataDir(ApiClient.baseUri(HttpSettings.loopbackAnyPort(), server.port()),
                    dataDir);

            assertEquals(ApiResponse.of(200, "got 1"), api.get("/api/echo?q=1"));
            ApiResponse posted = api.post("/api/echo", "{\"a\":1}");
            assertEquals(201, posted.status());
            assertTrue(posted.ok());
            assertEquals("{\"a\":1}", posted.body());
        }
    }

    @Test
    void get_withAnotherGatewaysToken_answers401() {
        try (HttpServer server = HttpServer.start(HttpSettings.loopbackAnyPort(), ApiAuth.of(ApiToken.random()),
                List.of(app -> app.get("/api/x", ctx -> ctx.result("x"))))) {
            ApiClient api = ApiClient.of(URI.create("http://127.0.0.1:" + server.port()), ApiToken.random());

            ApiResponse r = api.get("/api/x");

            assertEquals(401, r.status());
            assertFalse(r.ok());
        }
    }

    @Test
    void anonymous_readsTheOpenEndpointsButNotTheApi() {
        try (HttpServer server = HttpServer.start(HttpSettings.loopbackAnyPort(), ApiAuth.of(ApiToken.random()),
                List.of(app -> {
                    app.get("/health", ctx -> ctx.result("{}"));
                    app.get("/api/x", ctx -> ctx.result("x"));
                }))) {
            ApiClient api = ApiClient.anonymous(URI.create("http://127.0.0.1:" + server.port()));

            assertEquals(200, api.get("/health").status());
            assertEquals(401, api.get("/api/x").status());
        }
    }

    @Test
    void get_whenNothingListens_failsWithOneClearLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ApiClient api = ApiClient.of(URI.create("http://127.0.0.1:" + port), ApiToken.random());

        ApiCallException e = assertThrows(ApiCallException.class, () -> api.get("/api/x"));

        assertEquals("gateway not reachable at http://127.0.0.1:" + port
                + " (is it running? check http.port in herdgate.yaml)", e.getMessage());
    }

    @Test
    void baseUri_wildcardBind_isReachedOnLoopback() {
        assertEquals(URI.create("http://127.0.0.1:8080"), ApiClient.baseUri(HttpSettings.of("0.0.0.0", 8080, 4096), 8080));
        assertEquals(URI.create("http://[::1]:81"), ApiClient.baseUri(HttpSettings.of("::1", 81, 4096), 81));
    }
}
