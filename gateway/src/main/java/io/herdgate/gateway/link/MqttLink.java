package io.herdgate.gateway.link;

import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.json.MessageJson;
import io.herdgate.protocol.json.ReadResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.tinylog.Logger;

/**
 * Collar frames through an MQTT broker (Paho v5), on the topics of {@link MqttTopics}.
 *
 * <ul>
 *   <li>Persistent session: clean start off and a session expiry, so the broker keeps the subscriptions
 *       and queues QoS 1 uplinks while the gateway is away; the subscriptions are made again after every
 *       connect anyway, in case the broker lost the session. The link is up once they are confirmed.</li>
 *   <li>The first connect and every reconnect are retried with a capped back-off, for as long as the
 *       link is open ({@link MqttConnection}).</li>
 *   <li>QoS 1 with manual acknowledgement: an uplink is acknowledged only after the pipeline has handled
 *       it. While the ingest is full the link waits and acknowledges nothing, so the broker stops after
 *       {@link MqttLinkSettings#receiveMaximum()} unacknowledged messages and holds the rest.</li>
 *   <li>A binary frame whose EUI is not its topic's is dropped and counted, as PROTOCOL.md section 11
 *       requires; messages on other topics are dropped and counted.</li>
 *   <li>JSON uplinks ({@code .../up/json}) are read strictly (PROTOCOL.md section 12); an invalid one is
 *       dropped and counted with the field at fault in the log.</li>
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
    private final MqttConnection connection;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;

    private MqttLink(MqttLinkSettings settings, Ingest ingest, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counters = new LinkCounters(settings.id(), "mqtt", clock);
        this.connection = new MqttConnection(settings, true, new Events(), "herdgate-mqtt-" + settings.id());
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
        connection.start();
    }

    @Override
    public boolean send(CollarEui eui, byte[] frame) {
        Optional<MqttAsyncClient> client = connection.connected();
        if (client.isEmpty()) {
            counters.downlinkErrors.incrementAndGet();
            Logger.warn("link {}: downlink to collar {} not published, not connected", id(), eui);
            return false;
        }
        try {
            client.get().publish(settings.topics().down(eui), frame, 1, false);
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
        connection.close();
    }

    private void arrived(MqttAsyncClient client, String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        counters.bytesIn.addAndGet(payload.length);
        Optional<MqttTopics.Uplink> up = settings.topics().parse(topic);
        if (up.isEmpty()) {
            reject(client, message, "message on topic " + topic + " dropped: not an uplink topic of gateway "
                    + settings.topics().gateway());
            return;
        }
        CollarEui eui = up.get().eui();
        if (up.get().json()) {
            ReadResult read = MessageJson.readUplink(new String(payload, StandardCharsets.UTF_8));
            if (read instanceof ReadResult.Invalid invalid) {
                reject(client, message, "JSON uplink on " + topic + " dropped: " + invalid.error());
                return;
            }
            hand(new Arrival.Json(id(), eui, ((ReadResult.Ok) read).message(), clock.instant(),
                    acknowledger(client, message)));
            return;
        }
        if (payload.length >= FrameLayout.MIN_FRAME && FrameParser.euiValue(payload, 0) != eui.value()) {
            reject(client, message, "frame of collar " + CollarEui.of(FrameParser.euiValue(payload, 0)) + " on topic "
                    + topic + " dropped (unknown_collar: the frame's EUI must be the topic's)");
            return;
        }
        hand(new Arrival.Frame(id(), InboundFrame.of(payload, clock.instant()), acknowledger(client, message)));
    }

    /** Into the ingest, waiting while it is full (then nothing is acknowledged and the broker holds back). */
    private void hand(Arrival a) {
        try {
            if (ingest.put(a)) {
                counters.handOffWaits.incrementAndGet();
            }
            counters.framesIn.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: unacknowledged, the broker keeps it for next time
        }
    }

    private void reject(MqttAsyncClient client, MqttMessage message, String why) {
        counters.rejected.incrementAndGet();
        Logger.warn("link {}: {}", id(), why);
        ack(client, message.getId(), message.getQos());
    }

    /**
     * The acknowledgement of {@code message}, to run once it is handled. It keeps the message's id and QoS
     * only, not the message (its properties weigh more than a frame): up to a full hand-off of them wait at
     * every young collection, and what the survivor space cannot hold is promoted to the old generation.
     */
    private Runnable acknowledger(MqttAsyncClient client, MqttMessage message) {
        int messageId = message.getId();
        int qos = message.getQos();
        return () -> ack(client, messageId, qos);
    }

    private void ack(MqttAsyncClient client, int messageId, int qos) {
        try {
            client.messageArrivedComplete(messageId, qos);
        } catch (MqttException | RuntimeException e) {
            // Lost with its connection: the broker sends it again and the pipeline sees a duplicate.
            Logger.debug("link {}: ack of message {} failed: {}", id(), messageId, e.getMessage());
        }
    }

    private final class Events implements MqttConnection.Listener {
        @Override
        public void connected(MqttAsyncClient client) throws MqttException {
            client.subscribe(new MqttSubscription[] {
                    new MqttSubscription(settings.topics().binaryFilter(), 1),
                    new MqttSubscription(settings.topics().jsonFilter(), 1)}).waitForCompletion(30_000);
            counters.up();
        }

        @Override
        public void lost(String why) {
            counters.down(why);
        }

        @Override
        public void message(MqttAsyncClient client, String topic, MqttMessage message) {
            arrived(client, topic, message);
        }

        @Override
        public void delivered(IMqttToken token) {
            // Downlink delivery needs no follow-up: the collar answers or retries.
        }
    }
}
