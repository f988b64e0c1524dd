package io.herdgate.gateway.link;

import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.FrameParser;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

/**
 * Collar frames through an MQTT broker (Paho v5), on the topics of {@link MqttTopics}.
 *
 * <ul>
 *   <li>Persistent session: clean start off and a session expiry, so the broker keeps the subscriptions
 *       and queues QoS 1 uplinks while the gateway is away; subscriptions are made again after every
 *       connect anyway, in case the broker lost the session.</li>
 *   <li>The first connect is retried here with a capped back-off (Paho's automatic reconnect only covers
 *       losses after a first success, which it then handles).</li>
 *   <li>QoS 1 with manual acknowledgement: an uplink is acknowledged only after the pipeline has handled
 *       it. While the ingest is full the link waits and acknowledges nothing, so the broker stops after
 *       {@link MqttLinkSettings#receiveMaximum()} unacknowledged messages and holds the rest.</li>
 *   <li>A binary frame whose EUI is not its topic's is dropped and counted, as PROTOCOL.md section 11
 *       requires; messages on other topics are dropped and counted.</li>
 *   <li>Downlinks are published QoS 1 to {@code .../down}; while disconnected they fail and are counted
 *       (the collar protocol retries, and a stale join accept would be useless anyway).</li>
 * </ul>
 * The password is read at every connect attempt and never logged.
 */
public final class MqttLink implements Link {

    private final MqttLinkSettings settings;
    private final Ingest ingest;
    private final Clock clock;
    private final LinkCounters counters;
    private final MqttAsyncClient client;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;
    private Thread connector;

    private MqttLink(MqttLinkSettings settings, Ingest ingest, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counters = new LinkCounters(settings.id(), "mqtt", clock);
        try {
            // In-flight QoS 1 downlinks live in memory: after a gateway restart the collars' own retries
            // (join requests, unacked events) bring the conversation back.
            this.client = new MqttAsyncClient(settings.broker().toString(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new LinkConfigException("mqtt broker " + settings.broker() + ": " + e.getMessage(), e);
        }
        client.setManualAcks(true);
        client.setCallback(new Callback());
    }

    /** A link that will hand its uplinks to {@code ingest}; {@code clock} dates frames and states. */
    public static MqttLink of(MqttLinkSettings settings, Ingest ingest, Clock clock) {
        return new MqttLink(settings, ingest, clock);
    }

    @Override
    public LinkId id() {
        return settings.id();
    }

    @Override
    public LinkState state() {
        return counters.state();
    }

    @Override
    public LinkStats stats() {
        return counters.snapshot();
    }

    public MqttLinkSettings settings() {
        return settings;
    }

    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("link " + id() + " already started");
        }
        ingest.downlinks().register(this);
        connector = new Thread(this::connectUntilUp, "herdgate-mqtt-connect-" + id());
        connector.setDaemon(true);
        connector.start();
    }

    @Override
    public boolean send(CollarEui eui, byte[] frame) {
        if (!client.isConnected()) {
            counters.downlinkErrors.incrementAndGet();
            Logger.warn("link {}: downlink to collar {} not published, not connected", id(), eui);
            return false;
        }
        try {
            client.publish(settings.topics().down(eui), frame, 1, false);
            counters.framesOut.incrementAndGet();
            return true;
        } catch (MqttException e) {
            counters.downlinkErrors.incrementAndGet();
            Logger.warn("link {}: downlink to collar {} not published: {}", id(), eui, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        counters.closed();
        ingest.downlinks().unregister(this);
        if (connector != null) {
            connector.interrupt();
        }
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            Logger.debug("link {}: disconnect: {}", id(), e.getMessage());
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1_000, 0, new MqttProperties()); // reason 0: normal disconnection
            }
            client.close(true);
        } catch (MqttException e) {
            Logger.debug("link {}: close: {}", id(), e.getMessage());
        }
        if (connector != null) {
            try {
                connector.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The first connect, retried until it succeeds; later losses are Paho's automatic reconnect. */
    private void connectUntilUp() {
        Backoff backoff = new Backoff(settings.retryFirst(), settings.retryMax());
        while (!closed) {
            try {
                IMqttToken t = client.connect(MqttOptions.of(settings));
                t.waitForCompletion();
                return;
            } catch (MqttException | LinkConfigException e) {
                counters.down("connect to " + settings.broker() + " failed: " + describe(e));
            }
            try {
                Thread.sleep(backoff.next().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void subscribe() {
        MqttSubscription[] subs = {
                new MqttSubscription(settings.topics().binaryFilter(), 1),
                new MqttSubscription(settings.topics().jsonFilter(), 1)};
        try {
            client.subscribe(subs);
        } catch (MqttException e) {
            counters.down("subscribe failed: " + describe(e));
        }
    }

    private void arrived(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        counters.bytesIn.addAndGet(payload.length);
        Optional<MqttTopics.Uplink> up = settings.topics().parse(topic);
        if (up.isEmpty()) {
            reject(message, "message on topic " + topic + " dropped: not an uplink topic of gateway "
                    + settings.topics().gateway());
            return;
        }
        CollarEui eui = up.get().eui();
        if (up.get().json()) {
            reject(message, "JSON uplink on " + topic + " dropped: JSON uplinks are not accepted by this gateway yet");
            return;
        }
        if (payload.length >= FrameLayout.MIN_FRAME && FrameParser.euiValue(payload, 0) != eui.value()) {
            reject(message, "frame of collar " + CollarEui.of(FrameParser.euiValue(payload, 0)) + " on topic " + topic
                    + " dropped (unknown_collar: the frame's EUI must be the topic's)");
            return;
        }
        try {
            if (ingest.put(new Arrival(id(), InboundFrame.of(payload, clock.instant()), () -> ack(message)))) {
                counters.handOffWaits.incrementAndGet();
            }
            counters.framesIn.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: unacknowledged, the broker keeps it for next time
        }
    }

    private void reject(MqttMessage message, String why) {
        counters.rejected.incrementAndGet();
        Logger.warn("link {}: {}", id(), why);
        ack(message);
    }

    private void ack(MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException | RuntimeException e) {
            // Lost with the connection: the broker sends it again and the pipeline sees a duplicate.
            Logger.debug("link {}: ack of message {} failed: {}", id(), message.getId(), e.getMessage());
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e.getCause();
        String msg = e.getMessage();
        return cause != null && cause.getMessage() != null && !cause.getMessage().equals(msg)
                ? msg + " (" + cause.getMessage() + ")" : String.valueOf(msg);
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse r) {
            String why = r.getException() != null ? describe(r.getException())
                    : "broker closed the connection, reason " + r.getReturnCode()
                    + (r.getReasonString() != null ? " " + r.getReasonString() : "");
            counters.down("connection lost: " + why);
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            Logger.warn("link {}: {}", id(), describe(e));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            arrived(topic, message);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Downlink delivery needs no follow-up: the collar answers or retries.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            subscribe();
            counters.up();
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication is configured.
        }
    }
}
