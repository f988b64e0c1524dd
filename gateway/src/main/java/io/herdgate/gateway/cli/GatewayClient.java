package io.herdgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The installer commands' client of the gateway's local HTTP API: JSON requests with the bearer token
 * from the data directory. Failures to reach the gateway are {@link GatewayException}s with one line for
 * the user; answers with an error status come back as {@link Answer}s (the caller decides).
 */
final class GatewayClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The gateway's answer: HTTP status and JSON body ({@code {"error": "..."}} for refusals). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The gateway's error message, or the status when there is none. */
        String error() {
            return body.path("error").asText("the gateway answered HTTP " + status);
        }
    }

    /** The gateway could not be asked. */
    static final class GatewayException extends Exception {
        GatewayException(String message) {
            super(message);
        }
    }

    private final URI base;
    private final Path tokenFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    private GatewayClient(URI base, Path tokenFile) {
        this.base = base;
        this.tokenFile = tokenFile;
    }

    static GatewayClient of(URI base, Path tokenFile) {
        return new GatewayClient(base, tokenFile);
    }

    Answer get(String path) throws GatewayException {
        return send(request(path).GET());
    }

    Answer delete(String path) throws GatewayException {
        return send(request(path).DELETE());
    }

    Answer put(String path, ObjectNode body) throws GatewayException {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Answer post(String path, ObjectNode body) throws GatewayException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Answer put(String path, byte[] body) throws GatewayException {
        return send(request(path).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path) throws GatewayException {
        try {
            return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token());
        } catch (IllegalArgumentException e) {
            throw new GatewayException("--gateway " + base + ": an address like http://127.0.0.1:8080 expected");
        }
    }

    private String token() throws GatewayException {
        if (token == null) {
            try {
                token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            } catch (AccessDeniedException e) {
                throw new GatewayException("cannot read the API token " + tokenFile
                        + ": run as the herdgate user or with sudo");
            } catch (NoSuchFileException e) {
                throw new GatewayException("no API token at " + tokenFile + ": the gateway writes it at its first "
                        + "start; is --data-dir right?");
            } catch (IOException e) {
                throw new GatewayException("cannot read the API token " + tokenFile + ": " + e.getMessage());
            }
        }
        return token;
    }

    private Answer send(HttpRequest.Builder request) throws GatewayException {
        HttpResponse<String> r;
        try {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new GatewayException("cannot reach the gateway at " + base + ": is it running? "
                    + "(systemctl status herdgate; --gateway URL)");
        } catch (IOException e) {
            throw new GatewayException("talking to the gateway at " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted");
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new GatewayException("the gateway refused the API token from " + tokenFile
                    + " (HTTP " + r.statusCode() + "): is --data-dir the gateway's data directory?");
        }
        JsonNode body;
        try {
            body = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new GatewayException("the gateway at " + base + " answered HTTP " + r.statusCode()
                    + " without JSON: is --gateway the herdgate API?");
        }
        return new Answer(r.statusCode(), body);
    }
}
