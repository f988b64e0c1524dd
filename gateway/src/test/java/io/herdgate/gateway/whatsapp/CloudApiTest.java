package io.herdgate.gateway.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Cloud API client's protocol choice, against a real HTTP server that records what it was sent. */
class CloudApiTest {

    @Test
    void version_isHttp2OverTls_andHttp11OnAPlainRoot() {
        assertEquals(HttpClient.Version.HTTP_2, CloudApi.version(WhatsAppSettings.GRAPH_API));
        assertEquals(HttpClient.Version.HTTP_1_1, CloudApi.version(URI.create("http://127.0.0.1:8089")));
    }

    @Test
    void call_onAPlainRoot_offersNoH2cUpgrade() throws IOException {
        List<Optional<String>> upgrades = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (upgrades) {
                upgrades.add(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Upgrade")));
            }
            byte[] body = "{\"id\":\"106540352242922\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            CloudApi api = new CloudApi(WhatsAppSettings.of(WhatsAppChannelTest.PNID, WhatsAppChannelTest.TOKEN,
                    WhatsAppChannelTest.APP_SECRET, WhatsAppChannelTest.VERIFY, ZoneOffset.UTC)
                    .withBaseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort())));

            assertInstanceOf(CloudApi.Answer.Accepted.class, api.phoneNumber());
            assertInstanceOf(CloudApi.Answer.Accepted.class, api.phoneNumber());
        } finally {
            server.stop(0);
        }
        assertEquals(List.of(Optional.empty(), Optional.empty()), upgrades);
    }
}
