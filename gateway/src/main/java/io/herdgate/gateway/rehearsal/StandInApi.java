package io.herdgate.gateway.rehearsal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the Cloud API's send and upload edges on the loopback interface, for the rehearsal only:
 * {@code POST .../messages} answers as WhatsApp does for an accepted message ({@code messages[0].id}), {@code POST
 * .../media} with a media id, anything else 404. It checks nothing; it counts the uploads.
 */
final class StandInApi implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger uploads = new AtomicInteger();

    private StandInApi(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free loopback port. */
    static StandInApi start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the loopback interface", e);
        }
        StandInApi api = new StandInApi(server);
        server.createContext("/", api::answer);
        server.start();
        return api;
    }

    /** The root the channel is pointed at ({@code http://127.0.0.1:<port>}). */
    URI root() {
        // The address's own URI form (an IPv6 loopback in brackets), whichever loopback the JVM prefers.
        InetSocketAddress a = server.getAddress();
        try {
            return new URI("http", null, a.getAddress().getHostAddress(), a.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no URI for the loopback address " + a, e);
        }
    }

    /** Media uploads accepted so far. */
    int uploads() {
        return uploads.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            boolean post = "POST".equals(exchange.getRequestMethod());
            if (post && path.endsWith("/messages")) {
                int n = messages.incrementAndGet();
                reply(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"rehearsal\","
                        + "\"wa_id\":\"rehearsal\"}],\"messages\":[{\"id\":\"wamid.rehearsal." + n + "\"}]}");
            } else if (post && path.endsWith("/media")) {
                reply(exchange, 200, "{\"id\":\"" + (1_000_000 + uploads.incrementAndGet()) + "\"}");
            } else {
                reply(exchange, 404, "{\"error\":{\"message\":\"not part of the stand-in\",\"type\":\"OAuthException\","
                        + "\"code\":100}}");
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
