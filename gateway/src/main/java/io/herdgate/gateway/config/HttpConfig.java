package io.herdgate.gateway.config;

import java.util.Objects;

/**
 * The gateway's HTTP server.
 *
 * @param bind address to listen on; {@code 127.0.0.1} keeps the API on the Pi itself
 * @param port 0..65535; 0 takes any free port (tests)
 */
public record HttpConfig(String bind, int port) {

    public static final HttpConfig DEFAULT = new HttpConfig("127.0.0.1", 8080);

    public HttpConfig {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    public static HttpConfig of(String bind, int port) {
        return new HttpConfig(bind, port);
    }
}
