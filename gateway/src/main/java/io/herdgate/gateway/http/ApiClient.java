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
 * Calls the gateway's local API with the bearer token, for the CLI commands. Any answer, error statuses
 * included, comes back as an {@link ApiResponse}, except a refused token (401), which is an
 * {@link ApiCallException} like an unreachable gateway: the caller cannot do anything sensible with it.
 * Thread-safe.
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
    private final ApiToken token;
    /** Where the token was read, named when the gateway refuses it; empty for a token given directly. */
    private final Optional<Path> tokenFile;
    private final HttpClient http;

    private ApiClient(URI baseUri, ApiToken token, Optional<Path> tokenFile) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.token = Objects.requireNonNull(token, "token");
        this.tokenFile = tokenFile;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** A client for {@code baseUri} (scheme, host and port, e.g. {@code http://127.0.0.1:8080}). */
    public static ApiClient of(URI baseUri, ApiToken token) {
        return new ApiClient(baseUri, token, Optional.empty());
    }

    /**
     * A client reading the token from {@code <dataDir>/api-token}.
     *
     * @throws ApiTokenException when the token file is missing or unreadable
     */
    public static ApiClient forDataDir(URI baseUri, Path dataDir) {
        Path file = ApiToken.file(dataDir);
        return new ApiClient(baseUri, ApiToken.read(file), Optional.of(file));
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
        return HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.reveal());
    }

    private ApiResponse send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() == 401) {
                throw new ApiCallException(request.uri(), tokenFile
                        .map(f -> "the gateway refused the API token from " + f + " (HTTP 401): ")
                        .orElse("the gateway at " + baseUri + " refused the API token (HTTP 401): ")
                        + "is the data directory the running gateway's?", null);
            }
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
