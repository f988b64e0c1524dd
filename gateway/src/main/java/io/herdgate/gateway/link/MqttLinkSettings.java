package io.herdgate.gateway.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the gateway reaches its MQTT broker. Build with {@link #of(String, String)} and the {@code with...}
 * methods; every value is checked here, with a message naming the setting and the allowed values.
 *
 * @param id             the link's name in logs and {@code /health}; default {@code mqtt}
 * @param broker         {@code tcp://host:port} or, with TLS, {@code ssl://host:port} (1883 / 8883 usual)
 * @param topics         the gateway's topics ({@code herdgate/<gateway>/collar/...})
 * @param clientId       MQTT client id, stable across restarts so the broker keeps the session;
 *                       default {@code herdgate-<gateway>}; 1..64 of letters, digits, {@code - _}
 * @param caFile         PEM CA certificate(s) to trust for TLS; empty = the JVM's trust store
 * @param username       user name, if the broker requires one
 * @param password       where the password comes from (file or environment), never the value itself
 * @param sessionExpiry  how long the broker keeps the session (subscriptions, queued QoS 1 frames) while
 *                       the gateway is away; default 7 days, 0 s..136 years (the u32 seconds field)
 * @param keepAlive      MQTT keep-alive; default 30 s, 5 s..18 h
 * @param receiveMaximum QoS 1 messages the broker may have unacknowledged with the gateway; when the ingest
 *                       is full the gateway stops acknowledging and the broker stops at this many;
 *                       default 64, 1..65535
 * @param retryFirst     wait after the first failed connect; doubled per failure up to {@code retryMax};
 *                       default 1 s (at least 100 ms)
 * @param retryMax       longest wait between attempts; default 60 s (at least {@code retryFirst}, at most 1 h)
 */
public record MqttLinkSettings(LinkId id, URI broker, MqttTopics topics, String clientId, Optional<Path> caFile,
                               Optional<String> username, Optional<MqttPassword> password, Duration sessionExpiry,
                               Duration keepAlive, int receiveMaximum, Duration retryFirst, Duration retryMax) {

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public MqttLinkSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (broker.getScheme() == null || !SCHEMES.contains(broker.getScheme()) || broker.getHost() == null
                || broker.getPort() < 1) {
            throw new IllegalArgumentException("mqtt broker must be tcp://host:port or ssl://host:port, got '" + broker + "'");
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("mqtt client_id must be 1..64 of letters, digits, - and _, got '" + clientId + "'");
        }
        if (caFile.isPresent() && !broker.getScheme().equals("ssl")) {
            throw new IllegalArgumentException("mqtt ca_file is set but broker " + broker + " is not ssl://");
        }
        if (password.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException("mqtt password is set without a username");
        }
        username.ifPresent(u -> {
            if (u.isEmpty() || u.length() > 256) {
                throw new IllegalArgumentException("mqtt username must be 1..256 characters");
            }
        });
        SettingsCheck.within("mqtt session_expiry", sessionExpiry, Duration.ZERO, Duration.ofSeconds(0xFFFF_FFFEL));
        SettingsCheck.within("mqtt keep_alive", keepAlive, Duration.ofSeconds(5), Duration.ofHours(18));
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("mqtt receive_maximum must be 1..65535, got " + receiveMaximum);
        }
        SettingsCheck.within("mqtt retry_first", retryFirst, Duration.ofMillis(100), Duration.ofHours(1));
        SettingsCheck.within("mqtt retry_max", retryMax, retryFirst, Duration.ofHours(1));
    }

    /**
     * Settings for {@code brokerUri} ({@code tcp://...} or {@code ssl://...}) and the gateway name used in
     * the topics, with the defaults above.
     */
    public static MqttLinkSettings of(String brokerUri, String gateway) {
        URI uri;
        try {
            uri = new URI(brokerUri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("mqtt broker must be tcp://host:port or ssl://host:port, got '" + brokerUri + "'");
        }
        return new MqttLinkSettings(LinkId.of("mqtt"), uri, MqttTopics.of(gateway), "herdgate-" + gateway,
                Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofDays(7), Duration.ofSeconds(30), 64,
                Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    public MqttLinkSettings withId(LinkId v) {
        return new MqttLinkSettings(v, broker, topics, clientId, caFile, username, password, sessionExpiry, keepAlive,
                receiveMaximum, retryFirst, retryMax);
    }

    public MqttLinkSettings withClientId(String v) {
        return new MqttLinkSettings(id, broker, topics, v, caFile, username, password, sessionExpiry, keepAlive,
                receiveMaximum, retryFirst, retryMax);
    }

    public MqttLinkSettings withCaFile(Path v) {
        return new MqttLinkSettings(id, broker, topics, clientId, Optional.of(v), username, password, sessionExpiry,
                keepAlive, receiveMaximum, retryFirst, retryMax);
    }

    public MqttLinkSettings withCredentials(String user, MqttPassword pass) {
        return new MqttLinkSettings(id, broker, topics, clientId, caFile, Optional.of(user), Optional.of(pass),
                sessionExpiry, keepAlive, receiveMaximum, retryFirst, retryMax);
    }

    public MqttLinkSettings withSessionExpiry(Duration v) {
        return new MqttLinkSettings(id, broker, topics, clientId, caFile, username, password, v, keepAlive,
                receiveMaximum, retryFirst, retryMax);
    }

    public MqttLinkSettings withKeepAlive(Duration v) {
        return new MqttLinkSettings(id, broker, topics, clientId, caFile, username, password, sessionExpiry, v,
                receiveMaximum, retryFirst, retryMax);
    }

    public MqttLinkSettings withReceiveMaximum(int v) {
        return new MqttLinkSettings(id, broker, topics, clientId, caFile, username, password, sessionExpiry, keepAlive,
                v, retryFirst, retryMax);
    }

    public MqttLinkSettings withRetry(Duration first, Duration max) {
        return new MqttLinkSettings(id, broker, topics, clientId, caFile, username, password, sessionExpiry, keepAlive,
                receiveMaximum, first, max);
    }
}
