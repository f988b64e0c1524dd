package io.herdgate.gateway.logging;

import io.herdgate.gateway.console.ConsoleModule;
import io.herdgate.gateway.console.ConsoleSettings;
import io.herdgate.gateway.console.ConsoleSources;
import io.herdgate.gateway.console.PasswordFile;
import io.herdgate.gateway.console.PasswordHash;
import io.herdgate.gateway.http.ApiAuth;
import io.herdgate.gateway.http.ApiCallException;
import io.herdgate.gateway.http.ApiClient;
import io.herdgate.gateway.http.ApiToken;
import io.herdgate.gateway.http.HttpServer;
import io.herdgate.gateway.http.HttpSettings;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteMessageLog;
import io.herdgate.gateway.whatsapp.PhoneNumberId;
import io.herdgate.gateway.whatsapp.Secret;
import io.herdgate.gateway.whatsapp.WhatsAppSettings;
import io.herdgate.gateway.whatsapp.WhatsAppWebhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.tinylog.Logger;

/**
 * Runs in its own JVM (tinylog is configured once per process): starts gateway logging in a directory,
 * floods the log to make it roll over, then
 * exercises the API token and the console password the ways a user would, right and wrong. {@code LogProbe <log-dir> <data-dir> <console-password> <access-token> <app-secret> <verify-token>}.
 */
public final class LogProbe {

    public static void main(String[] args) throws Exception {
        Path logDir = Path.of(args[0]);
        Path dataDir = Path.of(args[1]);
        String password = args[2];
        GatewayLogging.toFile(LogSettings.of(logDir.resolve("herdgate.log"), 16 * 1024, 2, "info"));

        for (int i = 0; i < 2_000; i++) {
            Logger.info("probe filler line n={} so the files roll over before the events at their size limit", i);
        }
        ApiToken token = ApiToken.loadOrCreate(dataDir);
        PasswordFile.write(PasswordFile.in(dataDir), PasswordHash.create(password.toCharArray()));
        WhatsAppSettings whatsapp = WhatsAppSettings.of(PhoneNumberId.of("1234567890"), Secret.of(args[3]),
                Secret.of(args[4]), Secret.of(args[5]), ZoneOffset.UTC);
        try (Database db = Database.open(dataDir.resolve("herdgate.db"));
             HttpServer server = HttpServer.start(HttpSettings.loopbackAnyPort(), ApiAuth.of(token), List.of(
                     app -> app.get("/api/ping", ctx -> ctx.result("pong")),
                     ConsoleModule.of(ConsoleSettings.defaults(dataDir, ZoneOffset.UTC), ConsoleSources.empty(),
                             Clock.systemUTC()),
                     WhatsAppWebhook.of(whatsapp, SqliteMessageLog.of(db), reply -> { }, status -> { })))) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newHttpClient();
            for (String auth : List.of("Bearer " + token.reveal(), "Bearer " + token.reveal() + "x", "Basic abc")) {
                http.send(HttpRequest.newBuilder(URI.create(base + "/api/ping")).header("Authorization", auth).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            for (String pw : List.of(password + "!", password)) {
                http.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=farmer&password=" + pw)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            for (String signature : List.of("sha256=" + "0".repeat(64), "")) { // wrong, then none
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + WhatsAppWebhook.PATH))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"whatsapp_business_account\"}"));
                if (!signature.isEmpty()) {
                    b.header("X-Hub-Signature-256", signature);
                }
                http.send(b.build(), HttpResponse.BodyHandlers.discarding());
            }
            http.send(HttpRequest.newBuilder(URI.create(base + WhatsAppWebhook.PATH
                    + "?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=42")).build(),
                    HttpResponse.BodyHandlers.discarding());
            Logger.info("api token in use token={} whatsapp={}", token, whatsapp); // both redact their secrets
        }
        try {
            ApiClient.of(URI.create("http://127.0.0.1:1"), token).get("/api/ping");
        } catch (ApiCallException e) {
            Logger.warn("probe api call failed reason={}", e.getMessage());
        }
    }
}
