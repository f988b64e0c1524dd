package io.herdgate.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herdgate.gateway.http.ApiCallException;
import io.herdgate.gateway.http.ApiClient;
import io.herdgate.gateway.http.ApiResponse;
import io.herdgate.gateway.http.ApiTokenException;
import io.herdgate.gateway.http.HttpSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The installer commands' view of the gateway's local API ({@link ApiClient}, bearer token from the data
 * directory): JSON answers, and one line for the user when the gateway cannot be asked
 * ({@link GatewayException}). Answers with an error status come back as {@link Answer}s; the caller decides.
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
    private final Path dataDir;
    private ApiClient api;

    private GatewayClient(URI base, Path dataDir) {
        this.base = base;
        this.dataDir = dataDir;
    }

    static GatewayClient of(URI base, Path dataDir) {
        return new GatewayClient(base, dataDir);
    }

    Answer get(String path) throws GatewayException {
        return call(a -> a.get(path));
    }

    Answer delete(String path) throws GatewayException {
        return call(a -> a.delete(path));
    }

    Answer put(String path, ObjectNode body) throws GatewayException {
        return call(a -> a.put(path, body.toString()));
    }

    Answer post(String path, ObjectNode body) throws GatewayException {
        return call(a -> a.post(path, body.toString()));
    }

    Answer put(String path, byte[] body) throws GatewayException {
        return call(a -> a.put(path, body));
    }

    private Answer call(Function<ApiClient, ApiResponse> request) throws GatewayException {
        ApiResponse r;
        try {
            if (api == null) {
                api = ApiClient.forDataDir(base, dataDir);
            }
            r = request.apply(api);
        } catch (ApiTokenException e) {
            throw new GatewayException(e.getMessage() + " (run as the gateway's user or with sudo; --data-dir DIR)");
        } catch (ApiCallException e) {
            throw new GatewayException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new GatewayException("--gateway " + base + ": an address like http://127.0.0.1:8080 expected");
        }
        if (r.status() == 413) {
            throw new GatewayException("the gateway refuses a request this large (HTTP 413; it accepts "
                    + HttpSettings.DEFAULT_MAX_REQUEST_BYTES / 1024 + " KiB by default)");
        }
        try {
            return new Answer(r.status(), r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new GatewayException(r.status() >= 500
                    ? "the gateway failed on this request (HTTP " + r.status() + "); its log says why: journalctl -u herdgate"
                    : "the gateway at " + base + " answered HTTP " + r.status() + " without JSON: is --gateway the herdgate API?");
        }
    }
}
