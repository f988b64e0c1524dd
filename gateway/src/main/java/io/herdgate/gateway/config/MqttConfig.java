package io.herdgate.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The MQTT broker collars (or a LoRa bridge) publish to.
 *
 * @param broker       {@code tcp://host:port} or {@code ssl://host:port} (TLS)
 * @param gatewayName  this gateway's name in the topics ({@code herdgate/<name>/collar/...}), 1..64 letters, digits, '-'
 * @param clientId     1..64 characters, unique on the broker (the broker keeps the session across restarts)
 * @param username     broker user, if the broker wants one
 * @param passwordFile file holding the broker password (never in this file: it may be world-readable)
 * @param caFile       PEM CA certificate(s) to trust for {@code ssl://}; empty for the JVM's trust store
 */
public record MqttConfig(URI broker, String gatewayName, String clientId, Optional<String> username,
                         Optional<Path> passwordFile, Optional<Path> caFile) {

    public static final URI DEFAULT_BROKER = URI.create("tcp://localhost:1883");
    public static final List<String> SCHEMES = List.of("tcp", "ssl");

    public MqttConfig {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(gatewayName, "gatewayName");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordFile, "passwordFile");
    }

    public static MqttConfig of(URI broker, String gatewayName, String clientId, Optional<String> username,
                                Optional<Path> passwordFile, Optional<Path> caFile) {
        return new MqttConfig(broker, gatewayName, clientId, username, passwordFile, caFile);
    }
}
