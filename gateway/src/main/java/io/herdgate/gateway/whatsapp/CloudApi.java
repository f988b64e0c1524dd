package io.herdgate.gateway.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Cloud API calls the channel makes (send a message, upload an image, look up its own phone number) over the
 * JDK HTTP client, whose connections are kept alive between calls.
 */
final class CloudApi {

    /** What one call came back with. */
    sealed interface Answer {
        /** 2xx with the new message's or media's id. */
        record Accepted(String id) implements Answer {
        }

        /** A Graph API error answer. */
        record Refused(GraphError error) implements Answer {
        }

        /** No usable answer: timeout, connection refused, a 2xx without an id. */
        record Unreachable(String code, String reason) implements Answer {
        }
    }

    /** {@code herdgate/<x.y.z>}, the form the spec's User-Agent parameter asks for. */
    static final String USER_AGENT = "herdgate/" + version();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WhatsAppSettings settings;
    private final HttpClient http;

    CloudApi(WhatsAppSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(version(settings.baseUrl())).connectTimeout(settings.timeout()).build();
    }

    /**
     * HTTP/2 over TLS (the Cloud API; ALPN decides, and concurrent sends share one warm connection), HTTP/1.1 on a
     * plain {@code http://} root (the fake, a local relay): there the client's HTTP/2 default only adds an
     * {@code Upgrade: h2c} offer to the first request of every new connection, which such a server declines.
     */
    static HttpClient.Version version(URI baseUrl) {
        return "https".equals(baseUrl.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }

    Answer sendMessage(JsonNode message) {
        return call(settings.endpoint("messages"), "application/json", json(message), "messages", "0", "id");
    }

    /** A message's request body, UTF-8 JSON. */
    static byte[] json(JsonNode message) {
        try {
            return JSON.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a message", e);
        }
    }

    /** A JSON body read with the client's own mapper. */
    static JsonNode parse(String body) throws IOException {
        return JSON.readTree(body);
    }

    /**
     * {@code GET /{version}/{phone-number-id}}: the business number's own node ({@code PhoneNumberInfo}: id,
     * display_phone_number, verified_name, quality_rating). Harmless, authenticated, and it opens the
     * connection that the next message reuses (HTTP/1.1 keep-alive).
     *
     * @return the answer; {@link Answer.Accepted} carries the whole body as its id
     */
    Answer phoneNumber() {
        HttpRequest request = request(settings.phoneNumberNode()).GET().build();
        return answer(request, settings.phoneNumberNode(), body -> Optional.of(new String(body, StandardCharsets.UTF_8)));
    }

    Answer uploadPng(byte[] png) {
        String boundary = "herdgate-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + 512);
        field(out, boundary, "messaging_product", "whatsapp");
        field(out, boundary, "type", "image/png");
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"activity.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n");
        out.writeBytes(png);
        write(out, "\r\n--" + boundary + "--\r\n");
        return call(settings.endpoint("media"), "multipart/form-data; boundary=" + boundary, out.toByteArray(), "id");
    }

    private Answer call(URI uri, String contentType, byte[] body, String... idPath) {
        HttpRequest request = request(uri)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return answer(request, uri, bytes -> {
            try {
                JsonNode node = JSON.readTree(bytes);
                for (String step : idPath) {
                    node = step.chars().allMatch(Character::isDigit) ? node.path(Integer.parseInt(step)) : node.path(step);
                }
                if (node.isTextual()) {
                    MessageId.of(node.asText()); // the id must be usable later; a malformed one is no answer
                    return Optional.of(node.asText());
                }
            } catch (IOException | IllegalArgumentException e) {
                // Falls through to the malformed answer.
            }
            return Optional.empty();
        });
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.accessToken().reveal())
                .header("User-Agent", USER_AGENT);
    }

    /** Sends {@code request}; a 2xx answer is accepted with the id {@code id} finds in its body. */
    private Answer answer(HttpRequest request, URI uri, Function<byte[], Optional<String>> id) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new Answer.Unreachable("timeout", "no answer from " + uri.getHost() + " within " + settings.timeout());
        } catch (ConnectException e) {
            return new Answer.Unreachable("network", "cannot connect to " + uri.getHost());
        } catch (IOException e) {
            return new Answer.Unreachable("network", "connection to " + uri.getHost() + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Unreachable("interrupted", "interrupted while sending");
        }
        if (response.statusCode() / 100 != 2) {
            return new Answer.Refused(GraphError.parse(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After")));
        }
        Optional<String> found = id.apply(response.body());
        return found.<Answer>map(Answer.Accepted::new).orElseGet(() -> new Answer.Unreachable("malformed",
                "HTTP " + response.statusCode() + " answer without an id from " + uri.getPath()));
    }

    private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String version() {
        String v = CloudApi.class.getPackage().getImplementationVersion();
        if (v != null) {
            v = v.replace("-SNAPSHOT", "");
        }
        return v != null && v.matches("[0-9]+\\.[0-9]+\\.[0-9]+") ? v : "0.0.0";
    }
}
