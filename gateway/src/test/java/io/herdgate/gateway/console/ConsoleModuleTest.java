package io.herdgate.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.health.LinkState;
import io.herdgate.gateway.health.LinkStatus;
import io.herdgate.gateway.http.ApiAuth;
import io.herdgate.gateway.http.ApiToken;
import io.herdgate.gateway.http.HttpServer;
import io.herdgate.gateway.http.HttpSettings;
import io.herdgate.sim.herd.ManualClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleModuleTest {

    static final String PASSWORD = "green pasture 42";
    private static final PasswordHash HASH = PasswordHash.create(PASSWORD.toCharArray(), 20_000);

    @TempDir
    Path dataDir;
    private final ManualClock clock = ManualClock.of(Instant.parse("2026-05-01T06:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient(); // follows no redirects
    private HttpServer server;

    @BeforeEach
    void start() {
        ConsoleSettings settings = ConsoleSettings.of("farmer", Optional.of(HASH), PasswordFile.in(dataDir),
                Duration.ofHours(1), 3, Duration.ofMinutes(15), Duration.ofMinutes(15), ZoneId.of("Europe/Dublin"));
        ConsoleSources sources = ConsoleSources.of(
                () -> List.of(ConsoleAlarm.of("Daisy <b>#12</b>", "calving", clock.instant().minusSeconds(1_200),
                        "lying bouts up 3x")),
                () -> List.of(ConsoleCollar.of("C-0042", "Daisy", Optional.of(clock.instant().minusSeconds(300)), true,
                        OptionalInt.of(81))),
                () -> List.of(LinkStatus.of("serial", LinkState.UP)));
        server = HttpServer.start(HttpSettings.loopbackAnyPort(), ApiAuth.of(ApiToken.random()),
                List.of(ConsoleModule.of(settings, sources, clock)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String cookie, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        return post("/console/login", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8), null, "http://127.0.0.1:" + server.port());
    }

    private static String sessionCookie(HttpResponse<?> r) {
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @Test
    void console_withoutSession_redirectsToTheLogin() throws Exception {
        HttpResponse<String> r = get("/console", null);

        assertEquals(303, r.statusCode());
        assertEquals("/console/login", r.headers().firstValue("Location").orElse(""));
    }

    @Test
    void login_rightPassword_setsAStrictHttpOnlyCookieAndShowsThePage() throws Exception {
        HttpResponse<String> r = login("farmer", PASSWORD);

        assertEquals(303, r.statusCode());
        assertEquals("/console", r.headers().firstValue("Location").orElse(""));
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.matches("herdgate_session=[A-Za-z0-9_-]{43}; Path=/console; HttpOnly; SameSite=Strict"),
                setCookie);

        HttpResponse<String> page = get("/console", sessionCookie(r));
        assertEquals(200, page.statusCode());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(page.body().contains("Active alarms (1)"), page.body());
        assertTrue(page.body().contains("Daisy &lt;b&gt;#12&lt;/b&gt;"), "names are escaped");
        assertFalse(page.body().contains("<b>#12"));
        assertTrue(page.body().contains("07:00 Europe/Dublin"), "times in the farm's zone");
        assertTrue(page.body().contains("20 min ago"));
        assertTrue(page.body().contains("C-0042") && page.body().contains("81 %"));
        assertTrue(page.body().contains("1 of 1 online"));
    }

    @Test
    void login_wrongPasswordOrUser_is401WithoutASession() throws Exception {
        HttpResponse<String> wrongPassword = login("farmer", "green pasture 43");
        HttpResponse<String> wrongUser = login("admin", PASSWORD);

        for (HttpResponse<String> r : List.of(wrongPassword, wrongUser)) {
            assertEquals(401, r.statusCode());
            assertTrue(r.body().contains("Wrong user name or password."));
            assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
        }
    }

    @Test
    void login_repeatedFailures_areLockedOutEvenWithTheRightPassword() throws Exception {
        login("farmer", "guess one");
        login("farmer", "guess two");
        HttpResponse<String> third = login("farmer", "guess three");
        HttpResponse<String> right = login("farmer", PASSWORD);

        assertEquals(429, third.statusCode());
        assertEquals(429, right.statusCode());
        assertEquals("900", right.headers().firstValue("Retry-After").orElse(""));
        assertTrue(right.body().contains("Try again in 15 min."), right.body());

        clock.advance(Duration.ofMinutes(15));
        assertEquals(303, login("farmer", PASSWORD).statusCode());
    }

    @Test
    void logout_endsTheSessionAndExpiresTheCookie() throws Exception {
        String cookie = sessionCookie(login("farmer", PASSWORD));

        HttpResponse<String> out = post("/console/logout", "", cookie, null);

        assertEquals(303, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
        assertEquals(303, get("/console", cookie).statusCode(), "the old cookie no longer works");
    }

    @Test
    void session_idleLongerThanTheTimeout_hasEnded() throws Exception {
        String cookie = sessionCookie(login("farmer", PASSWORD));

        clock.advance(Duration.ofMinutes(61));

        assertEquals(303, get("/console", cookie).statusCode());
    }

    @Test
    void login_fromAnotherSite_isRefused() throws Exception {
        HttpResponse<String> r = post("/console/login", "username=farmer&password=" + URLEncoder.encode(PASSWORD,
                StandardCharsets.UTF_8), null, "https://evil.example");

        assertEquals(403, r.statusCode());
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
    }
}
