package io.herdgate.gateway.http;

import java.util.Objects;

/**
 * Where the HTTP server listens and how much it accepts.
 *
 * @param bindAddress     host name or IP literal to listen on; {@code 127.0.0.1} keeps the API on the Pi
 * @param port            TCP port 0–65535; 0 picks a free port ({@link HttpServer#port()} tells which)
 * @param maxRequestBytes largest request body accepted, 1 KiB–16 MiB; larger bodies get 413
 */
public record HttpSettings(String bindAddress, int port, long maxRequestBytes) {

    /** Loopback only: the CLI and a local reverse proxy reach it, the barn network does not. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** Webhooks and API calls are small JSON documents; 1 MiB leaves room without inviting abuse. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1L << 20;
    static final long MIN_REQUEST_BYTES = 1L << 10;
    static final long MAX_REQUEST_BYTES = 16L << 20;

    public HttpSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("http.bind_address must be a host name or IP address, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("http.port must be 0-65535 (0 = any free port): " + port);
        }
        if (maxRequestBytes < MIN_REQUEST_BYTES || maxRequestBytes > MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("http.max_request_bytes must be " + MIN_REQUEST_BYTES + "-"
                    + MAX_REQUEST_BYTES + ": " + maxRequestBytes);
        }
    }

    public static HttpSettings of(String bindAddress, int port, long maxRequestBytes) {
        return new HttpSettings(bindAddress, port, maxRequestBytes);
    }

    /** Loopback, port {@value #DEFAULT_PORT}, 1 MiB bodies. */
    public static HttpSettings defaults() {
        return of(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, DEFAULT_MAX_REQUEST_BYTES);
    }

    /** Loopback on a free port: for tests and the demo. */
    public static HttpSettings loopbackAnyPort() {
        return of(DEFAULT_BIND_ADDRESS, 0, DEFAULT_MAX_REQUEST_BYTES);
    }

    public HttpSettings withPort(int newPort) {
        return of(bindAddress, newPort, maxRequestBytes);
    }
}
