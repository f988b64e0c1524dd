package io.herdgate.gateway.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Calls the gateway's local API with the bearer token, for the CLI commands. Every answer, error statuses
 * included (401: the token was refused, 413: the body was too large), comes back as an
 * {@link ApiResponse}; no answer at all is an {@link ApiCallException}. Thread-safe.
 *
 * <pre>{@code
 * ApiClient api = ApiClient.forDataDir(URI.create("http://127.0.0.1:8080"), dataDir);
 * ApiResponse r = api.get("/api/alarms");
 * }</pre>
 */
public final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUri;
    private final Optional<ApiToken> token;
    private final HttpClient http;

    private ApiClient(URI baseUri, Optional<ApiToken> token) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.token = Objects.requireNonNull(token, "token");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** A client for {@code baseUri} (scheme, host and port, e.g. {@code http://127.0.0.1:8080}). */
    public static ApiClient of(URI baseUri, ApiToken token) {
        return new ApiClient(baseUri, Optional.of(token));
    }

    /** A client without a token, for the open endpoints ({@code /health}, {@code /metrics}). */
    public static ApiClient anonymous(URI baseUri) {
        return new ApiClient(baseUri, Optional.empty());
    }

    /**
     * A client reading the token from {@code <dataDir>/api-token}.
     *
     * @throws ApiTokenException when the token file is missing or unreadable
     */
    public static ApiClient forDataDir(URI baseUri, Path dataDir) {
        return of(baseUri, ApiToken.read(ApiToken.file(dataDir)));
    }

    /** The base URI of the local server for these settings (a wildcard bind address is reached on loopback). */
    public static URI baseUri(HttpSettings settings, int port) {
        String host = settings.bindAddress();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port);
    }

    public URI baseUri() {
        return baseUri;
    }

    /** GET {@code path} (starting with {@code /}). */
    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    /** POST {@code json} to {@code path}. */
    public ApiResponse post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** PUT {@code json} to {@code path}. */
    public ApiResponse put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** PUT {@code bytes} (e.g. a firmware file) to {@code path} as {@code application/octet-stream}. */
    public ApiResponse put(String path, byte[] bytes) {
        return send(request(path).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** DELETE {@code path}. */
    public ApiResponse delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("API path must start with '/': " + path);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t.reveal()));
        return b;
    }

    private ApiResponse send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return ApiResponse.of(r.statusCode(), r.body());
        } catch (ConnectException e) {
            throw new ApiCallException(request.uri(), "gateway not reachable at " + baseUri
                    + " (is it running? check http.port in herdgate.yaml)", e);
        } catch (HttpTimeoutException e) {
            throw new ApiCallException(request.uri(), "gateway at " + baseUri + " did not answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new ApiCallException(request.uri(), "call to " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiCallException(request.uri(), "interrupted while calling " + request.uri(), e);
        }
    }
}
