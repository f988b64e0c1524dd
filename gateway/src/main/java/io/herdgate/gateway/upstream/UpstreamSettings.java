package io.herdgate.gateway.upstream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of the upstream bridge (section {@code upstream:} of herdgate.yaml).
 *
 * @param broker         {@code tcp://host:port} or {@code ssl://host:port} (TLS, trusted by the system's CAs
 *                       or by {@code caFile})
 * @param clientId       MQTT client id, 1-64 of letters, digits, '-', '_', '.'; unique on the upstream broker
 * @param gateway        this gateway's name in the topics
 * @param topicPrefix    first topic level(s), e.g. {@code herdgate}; no wildcards, no leading or trailing '/'
 * @param username       login, if the broker wants one
 * @param password       its password (never printed)
 * @param caFile         PEM file of the CA that signed the broker's certificate, if not a public CA
 * @param queueCapacity  most events kept while the uplink is down, 1..10,000,000 (default 100,000: about a
 *                       day of per-minute features for 60 cows, or weeks of alarms and status)
 * @param reconnectMin   first wait after a failed connect, 100 ms..1 min (default 1 s); doubles up to
 * @param reconnectMax   the longest wait between attempts, reconnectMin..1 h (default 2 min)
 */
public record UpstreamSettings(String broker, String clientId, GatewayName gateway, String topicPrefix,
                               Optional<String> username, Optional<String> password, Optional<Path> caFile,
                               int queueCapacity, Duration reconnectMin, Duration reconnectMax) {

    public static final int DEFAULT_QUEUE_CAPACITY = 100_000;
    private static final Pattern BROKER = Pattern.compile("(tcp|ssl)://[^/\\s:]+(:[0-9]{1,5})?");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public UpstreamSettings {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        if (!BROKER.matcher(broker).matches()) {
            throw new IllegalArgumentException("upstream.broker must be tcp://host:port or ssl://host:port: '" + broker + "'");
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("upstream.client_id must be 1-64 of letters, digits, '.', '_', '-': '"
                    + clientId + "'");
        }
        if (topicPrefix.isEmpty() || topicPrefix.startsWith("/") || topicPrefix.endsWith("/")
                || topicPrefix.contains("+") || topicPrefix.contains("#") || topicPrefix.contains("//")) {
            throw new IllegalArgumentException("upstream.topic_prefix must be topic levels without wildcards or"
                    + " empty levels, e.g. herdgate: '" + topicPrefix + "'");
        }
        if (password.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException("upstream: a password needs a username");
        }
        if (queueCapacity < 1 || queueCapacity > 10_000_000) {
            throw new IllegalArgumentException("upstream.queue_capacity must be 1..10000000: " + queueCapacity);
        }
        if (reconnectMin.compareTo(Duration.ofMillis(100)) < 0 || reconnectMin.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("upstream reconnect minimum must be 100 ms..1 min: " + reconnectMin);
        }
        if (reconnectMax.compareTo(reconnectMin) < 0 || reconnectMax.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("upstream reconnect maximum must be " + reconnectMin + "..1 h: "
                    + reconnectMax);
        }
    }

    /** Anonymous, plain or system-trusted TLS, prefix {@code herdgate}, client id {@code herdgate-<gateway>}. */
    public static UpstreamSettings of(String broker, GatewayName gateway) {
        return new UpstreamSettings(broker, "herdgate-" + gateway, gateway, "herdgate", Optional.empty(),
                Optional.empty(), Optional.empty(), DEFAULT_QUEUE_CAPACITY, Duration.ofSeconds(1), Duration.ofMinutes(2));
    }

    public UpstreamSettings withLogin(String username, String password) {
        return new UpstreamSettings(broker, clientId, gateway, topicPrefix, Optional.of(username), Optional.of(password),
                caFile, queueCapacity, reconnectMin, reconnectMax);
    }

    public UpstreamSettings withCaFile(Path caFile) {
        return new UpstreamSettings(broker, clientId, gateway, topicPrefix, username, password, Optional.of(caFile),
                queueCapacity, reconnectMin, reconnectMax);
    }

    public UpstreamSettings withQueueCapacity(int queueCapacity) {
        return new UpstreamSettings(broker, clientId, gateway, topicPrefix, username, password, caFile,
                queueCapacity, reconnectMin, reconnectMax);
    }

    public UpstreamSettings withReconnect(Duration min, Duration max) {
        return new UpstreamSettings(broker, clientId, gateway, topicPrefix, username, password, caFile,
                queueCapacity, min, max);
    }

    @Override
    public String toString() {
        return "UpstreamSettings[broker=" + broker + ", clientId=" + clientId + ", gateway=" + gateway
                + ", topicPrefix=" + topicPrefix + ", username=" + username.orElse("-")
                + ", password=" + (password.isPresent() ? "[redacted]" : "-") + ", caFile=" + caFile.map(Path::toString).orElse("-")
                + ", queueCapacity=" + queueCapacity + ", reconnect=" + reconnectMin + ".." + reconnectMax + "]";
    }
}
