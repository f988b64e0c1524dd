package io.herdgate.gateway.upstream;

import io.herdgate.gateway.store.Database;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.detect.AlarmListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.tinylog.Logger;

/**
 * The upstream bridge: {@link #publish} queues an event on disk, a sender thread ({@code herdgate-upstream})
 * connects to the upstream broker, retrying with doubling waits, and publishes the queue in order at
 * QoS 1, up to {@value #WINDOW} messages in flight, deleting each after its PUBACK. A message the broker
 * refuses (PUBACK reason code 0x80 or above, e.g. not authorised) is logged and deleted so it cannot
 * block the queue. Thread-safe.
 */
public final class Upstream implements AutoCloseable {

    /** Messages in flight at once; below mosquitto's default receive maximum of 20. */
    static final int WINDOW = 16;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final UpstreamSettings settings;
    private final UpstreamQueue queue;
    private final UpstreamCodec codec;
    private final Clock clock;
    private volatile MqttAsyncClient client; // renewed after a lost connection (see renewClient)
    private final MqttConnectionOptions options;
    private final Semaphore wake = new Semaphore(0);
    private final Thread sender;
    private volatile boolean running = true;
    private volatile Optional<Instant> lastDelivered = Optional.empty();
    private volatile long rejected;
    private volatile Instant since;
    private volatile boolean up;

    private Upstream(UpstreamSettings settings, UpstreamQueue queue, Clock clock, MqttAsyncClient client,
                     MqttConnectionOptions options) {
        this.settings = settings;
        this.queue = queue;
        this.codec = UpstreamCodec.of(settings.topicPrefix(), settings.gateway());
        this.clock = clock;
        this.client = client;
        this.options = options;
        this.since = clock.instant();
        this.sender = new Thread(this::run, "herdgate-upstream");
        this.sender.setDaemon(true);
    }

    /**
     * Opens the queue in {@code db} (schema with table {@code upstream_queue}) and starts the sender
     * thread; it returns at once, connected or not.
     *
     * @throws IllegalArgumentException naming the file when {@code caFile} cannot be read as a PEM certificate
     */
    public static Upstream start(UpstreamSettings settings, Database db, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(clock, "clock");
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false); // the sender thread reconnects, also after a failed first connect
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        settings.username().ifPresent(options::setUserName);
        settings.password().ifPresent(p -> options.setPassword(p.getBytes(StandardCharsets.UTF_8)));
        settings.caFile().ifPresent(ca -> options.setSocketFactory(trusting(ca).getSocketFactory()));
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(settings.broker(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("upstream.broker " + settings.broker() + ": " + e.getMessage(), e);
        }
        Upstream upstream = new Upstream(settings, UpstreamQueue.of(db, settings.queueCapacity()), clock, client,
                options);
        upstream.sender.start();
        return upstream;
    }

    /** Queues the event for the upstream broker (written to disk before this returns). */
    public void publish(UpstreamEvent event) {
        queue.add(codec.encode(event), clock.instant());
        wake.release();
    }

    /**
     * Publishes the detection engine's alarm events: raised, updated and cleared. Acknowledgements and
     * snoozes come from the alarm workflow as {@link UpstreamEvent.AlarmChange}s through {@link #publish}.
     */
    public AlarmListener alarmListener() {
        return event -> {
            Alarm a = event.alarm();
            AlarmState state = event instanceof AlarmEvent.Raised ? AlarmState.RAISED
                    : event instanceof AlarmEvent.Cleared ? AlarmState.CLEARED : AlarmState.UPDATED;
            publish(UpstreamEvent.AlarmChange.of(a.cow(), a.type(), a.raisedAt(), a.severity(), state, event.at(),
                    Optional.empty()));
        };
    }

    public UpstreamStatus status() {
        return UpstreamStatus.of(client.isConnected(), since, queue.size(), queue.dropped(), rejected, lastDelivered);
    }

    private void run() {
        Duration backoff = settings.reconnectMin();
        while (running) {
            if (!client.isConnected()) {
                mark(false);
                if (connect()) {
                    backoff = settings.reconnectMin();
                } else {
                    pause(backoff);
                    backoff = min(backoff.multipliedBy(2), settings.reconnectMax());
                }
                continue;
            }
            List<QueuedMessage> batch = queue.peek(WINDOW);
            if (batch.isEmpty()) {
                pause(Duration.ofSeconds(1));
                continue;
            }
            send(batch);
        }
    }

    private boolean connect() {
        try {
            client.connect(options).waitForCompletion(Duration.ofSeconds(15).toMillis());
            mark(true);
            Logger.info("Upstream connected to {} ({} events queued)", settings.broker(), queue.size());
            return true;
        } catch (MqttException e) {
            Logger.debug("Upstream connect to {} failed: {}", settings.broker(), e.getMessage());
            return false;
        }
    }

    private void send(List<QueuedMessage> batch) {
        List<IMqttToken> tokens = new ArrayList<>(batch.size());
        List<Long> done = new ArrayList<>(batch.size());
        try {
            for (QueuedMessage m : batch) {
                MqttMessage message = new MqttMessage(m.wirePayload(), 1, m.message().retained(), null);
                tokens.add(client.publish(m.message().topic(), message));
            }
            for (int i = 0; i < tokens.size(); i++) {
                tokens.get(i).waitForCompletion(ACK_TIMEOUT.toMillis());
                int[] codes = tokens.get(i).getReasonCodes();
                if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                    refused(batch.get(i), codes[0]);
                }
                done.add(batch.get(i).seq());
            }
        } catch (MqttException e) {
            if (e.getReasonCode() >= 0x80 && e.getReasonCode() <= 0xFF && done.size() < batch.size()) {
                refused(batch.get(done.size()), e.getReasonCode());
                done.add(batch.get(done.size()).seq());
            } else {
                Logger.info("Upstream connection to {} lost: {} ({} events queued)", settings.broker(), e.getMessage(),
                        queue.size());
                renewClient();
                mark(false);
            }
        }
        queue.remove(done);
        if (!done.isEmpty()) {
            lastDelivered = Optional.of(clock.instant());
        }
    }

    /** Notes when the connection came up or went down. */
    private void mark(boolean connected) {
        if (connected != up) {
            up = connected;
            since = clock.instant();
        }
    }

    private void refused(QueuedMessage m, int reasonCode) {
        rejected++;
        Logger.warn("Upstream broker refused seq {} on {} (reason code 0x{}); dropped", m.seq(), m.message().topic(),
                Integer.toHexString(reasonCode));
    }

    private void disconnectQuietly() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
        } catch (MqttException ignored) {
            // already down: the next round reconnects
        }
    }

    /**
     * Closes the client and starts afresh with a new one. Paho keeps its count of publishes in flight
     * across a lost connection, so a reused client can refuse every publish after a broker restart ("Too
     * many publishes in progress") and the bridge stalls; the unacknowledged events are still in the queue
     * and are sent again (at least once).
     */
    private void renewClient() {
        closeClient();
        try {
            client = new MqttAsyncClient(settings.broker(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            // The address was accepted at start, so this is not expected; keep trying with the old client.
            Logger.warn("Upstream client for {} could not be renewed: {}", settings.broker(), e.getMessage());
        }
    }

    private void pause(Duration d) {
        try {
            if (wake.tryAcquire(d.toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("upstream-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("upstream.ca_file " + caFile + ": not a readable PEM certificate ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Stops the sender (what is queued stays on disk for the next start) and disconnects. */
    @Override
    public void close() {
        running = false;
        sender.interrupt();
        try {
            sender.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeClient();
    }

    /** Disconnects (quietly) and releases the client's threads. */
    private void closeClient() {
        disconnectQuietly();
        try {
            client.close(true);
        } catch (MqttException e) {
            Logger.debug("Upstream client close: {}", e.getMessage());
        }
    }
}
