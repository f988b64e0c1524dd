package io.herdgate.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The upstream broker the gateway publishes its events to (section {@code upstream:}; topics and payloads
 * in deploy/UPSTREAM.md).
 *
 * @param broker        {@code tcp://host:port} or {@code ssl://host:port}
 * @param gateway       this gateway's name in the topics, 1..64 letters, digits or '-'
 * @param clientId      MQTT client id on the upstream broker, 1..64 letters, digits, '.', '_' or '-'; default
 *                      {@code herdgate-<gateway>-upstream}, apart from the MQTT link's when both use one broker
 * @param topicPrefix   first topic level(s), default {@code herdgate}
 * @param username      login, if the broker wants one (with {@code passwordFile})
 * @param passwordFile  file holding the password (first line)
 * @param caFile        PEM CA certificate to trust for {@code ssl://}; empty for the JVM's trust store
 * @param queueCapacity most events kept on disk while the uplink is down, 1..10,000,000
 * @param reconnectMax  longest wait between connection attempts, 1 s..1 h (the first wait is 1 s, then doubling)
 */
public record UpstreamConfig(URI broker, String gateway, String clientId, String topicPrefix, Optional<String> username,
                             Optional<Path> passwordFile, Optional<Path> caFile, int queueCapacity,
                             Duration reconnectMax) {

    public static final String DEFAULT_TOPIC_PREFIX = "herdgate";
    public static final int DEFAULT_QUEUE_CAPACITY = 100_000;
    public static final int MAX_QUEUE_CAPACITY = 10_000_000;
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofMinutes(2);

    public UpstreamConfig {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordFile, "passwordFile");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
    }

    public static UpstreamConfig of(URI broker, String gateway, String clientId, String topicPrefix,
                                    Optional<String> username, Optional<Path> passwordFile, Optional<Path> caFile,
                                    int queueCapacity, Duration reconnectMax) {
        return new UpstreamConfig(broker, gateway, clientId, topicPrefix, username, passwordFile, caFile, queueCapacity,
                reconnectMax);
    }
}
