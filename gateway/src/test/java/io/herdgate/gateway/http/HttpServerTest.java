package io.herdgate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpServer start(HttpSettings settings, HttpModule... modules) {
        server = HttpServer.start(settings, ApiAuth.of(ApiToken.random()), List.of(modules));
        return server;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void start_portZero_listensOnARealFreePortAndServesModuleRoutes() throws Exception {
        start(HttpSettings.loopbackAnyPort(), app -> app.get("/hello", ctx -> ctx.result("hi")));

        assertTrue(server.port() > 0);
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/hello")));
        assertEquals(200, r.statusCode());
        assertEquals("hi", r.body());
    }

    @Test
    void runningServer_keepsNoAcceptorSessionScavengerOrLowResourceThread() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet(); // other tests' threads are not this server's
        start(HttpSettings.loopbackAnyPort(), app -> app.get("/hello", ctx -> ctx.result("hi")));
        assertEquals(200, send(HttpRequest.newBuilder(uri("/hello"))).statusCode());

        List<String> idle = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .map(Thread::getName)
                .filter(n -> n.contains("acceptor") || n.startsWith("Session-HouseKeeper") || n.startsWith("Scheduler-"))
                .toList();

        assertEquals(List.of(), idle);
    }

    @Test
    void unknownPath_isAJsonNotFound() throws Exception {
        start(HttpSettings.loopbackAnyPort());

        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/nothing-here")));

        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        assertEquals("{\"status\":404,\"error\":\"Endpoint GET /nothing-here not found\"}", r.body());
    }

    @Test
    void failingHandler_answersJson500WithoutStackTraceOrExceptionText() throws Exception {
        start(HttpSettings.loopbackAnyPort(), app -> app.get("/boom", ctx -> {
            throw new IllegalStateException("secret internal detail");
        }));

        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/boom")));

        assertEquals(500, r.statusCode());
        assertEquals("{\"status\":500,\"error\":\"internal error; see the gateway log\"}", r.body());
        assertFalse(r.body().contains("secret internal detail"));
        assertFalse(r.body().contains("at io.herdgate"));
    }

    @Test
    void bodyAboveTheLimit_isRefusedWith413() throws Exception {
        start(HttpSettings.of("127.0.0.1", 0, 1024), app -> app.post("/echo", ctx -> ctx.result(ctx.body())));

        HttpResponse<String> small = send(HttpRequest.newBuilder(uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1024))));
        HttpResponse<String> big = send(HttpRequest.newBuilder(uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1025))));

        assertEquals(200, small.statusCode());
        assertEquals(413, big.statusCode());
        assertTrue(big.body().contains("\"status\":413"), big.body());
    }

    @Test
    void start_onAPortInUse_failsNamingTheAddress() {
        start(HttpSettings.loopbackAnyPort());
        int taken = server.port();

        HttpServerException e = assertThrows(HttpServerException.class,
                () -> HttpServer.start(HttpSettings.loopbackAnyPort().withPort(taken), ApiAuth.of(ApiToken.random()),
                        List.of()));

        assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken), e.getMessage());
    }

    @Test
    void close_twice_isHarmlessAndStopsListening() {
        start(HttpSettings.loopbackAnyPort());
        URI u = uri("/x");

        server.close();
        server.close();

        assertThrows(java.io.IOException.class, () -> send(HttpRequest.newBuilder(u)));
    }

    @Test
    void settings_outOfRange_areRejectedNamingTheField() {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> HttpSettings.of("127.0.0.1", 70_000, 1 << 20));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> HttpSettings.of("127.0.0.1", 80, 10));
        IllegalArgumentException bind = assertThrows(IllegalArgumentException.class,
                () -> HttpSettings.of(" ", 80, 1 << 20));

        assertTrue(port.getMessage().startsWith("http.port must be 0-65535"), port.getMessage());
        assertTrue(size.getMessage().startsWith("http.max_request_bytes must be 1024-16777216"), size.getMessage());
        assertTrue(bind.getMessage().startsWith("http.bind_address"), bind.getMessage());
    }
}
