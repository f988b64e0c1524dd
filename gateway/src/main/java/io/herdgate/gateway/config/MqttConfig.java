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
 * @param clientId     1..64 characters, unique on the broker (persistent session)
 * @param topicPrefix  uplinks arrive on {@code <prefix>/up/<eui>}, downlinks go to {@code <prefix>/down/<eui>}
 * @param username     broker user, if the broker wants one
 * @param passwordFile file holding the broker password (never in this file: it may be world-readable)
 */
public record MqttConfig(URI broker, String clientId, String topicPrefix, Optional<String> username,
                         Optional<Path> passwordFile) {

    public static final URI DEFAULT_BROKER = URI.create("tcp://localhost:1883");
    public static final List<String> SCHEMES = List.of("tcp", "ssl");

    public MqttConfig {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordFile, "passwordFile");
    }

    public static MqttConfig of(URI broker, String clientId, String topicPrefix, Optional<String> username,
                                Optional<Path> passwordFile) {
        return new MqttConfig(broker, clientId, topicPrefix, username, passwordFile);
    }
}
