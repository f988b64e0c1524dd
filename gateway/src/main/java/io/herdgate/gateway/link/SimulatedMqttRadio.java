package io.herdgate.gateway.link;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.sim.collar.Transport;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

/**
 * The collar end of the MQTT link, played by software: a simulated herd's uplinks are published QoS 1
 * to {@code herdgate/<gateway>/collar/<EUI>/up}; downlinks on {@code .../down} go to the herd. Same
 * session rules as the gateway (persistent session, automatic reconnect); while the broker is away
 * up to {@code bufferFrames} uplinks wait in Paho's offline buffer (the oldest dropped beyond it) and
 * go out in order with their original counters. Used by {@code herdgate simulate --mqtt}.
 */
public final class SimulatedMqttRadio implements Transport, AutoCloseable {

    private final MqttLinkSettings settings;
    private final MqttAsyncClient client;
    private final Consumer<byte[]> downlinks;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private SimulatedMqttRadio(MqttLinkSettings settings, int bufferFrames, Consumer<byte[]> downlinks) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.downlinks = Objects.requireNonNull(downlinks, "downlinks");
        try {
            client = new MqttAsyncClient(settings.broker().toString(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new LinkConfigException("mqtt broker " + settings.broker() + ": " + e.getMessage(), e);
        }
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(bufferFrames);
        buffer.setDeleteOldestMessages(true);
        buffer.setPersistBuffer(false);
        client.setBufferOpts(buffer);
        client.setCallback(new Callback());
    }

    /**
     * Connects (retrying with the settings' back-off until it works or the thread is interrupted) and
     * subscribes to the downlinks. {@code settings.clientId()} must differ from the gateway's.
     */
    public static SimulatedMqttRadio connect(MqttLinkSettings settings, int bufferFrames, Consumer<byte[]> downlinks)
            throws InterruptedException {
        SimulatedMqttRadio r = new SimulatedMqttRadio(settings, bufferFrames, downlinks);
        Backoff backoff = new Backoff(settings.retryFirst(), settings.retryMax());
        while (true) {
            try {
                r.client.connect(MqttOptions.of(settings)).waitForCompletion();
                return r;
            } catch (MqttException | LinkConfigException e) {
                Logger.warn("simulator: connect to {} failed: {}", settings.broker(), e.getMessage());
            }
            Thread.sleep(backoff.next().toMillis());
        }
    }

    /**
     * Publishes one uplink frame to its collar's topic (or buffers it while disconnected). While the
     * broker's receive maximum of unacknowledged frames is reached, the calling herd thread waits.
     */
    @Override
    public void send(byte[] frame) {
        if (frame.length < FrameLayout.MIN_FRAME) {
            failed.incrementAndGet();
            return;
        }
        String topic = settings.topics().up(CollarEui.of(FrameParser.euiValue(frame, 0)));
        while (true) {
            try {
                client.publish(topic, frame, 1, false);
                published.incrementAndGet();
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    failed.incrementAndGet();
                    Logger.warn("simulator: frame not published to {}: {}", topic, e.getMessage());
                    return;
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.incrementAndGet();
                return;
            }
        }
    }

    /** Uplinks handed to Paho (sent, in flight or buffered). */
    public long published() {
        return published.get();
    }

    /** Uplinks Paho refused (e.g. not connected before the first connect). */
    public long failed() {
        return failed.get();
    }

    /** QoS 1 uplinks not yet acknowledged by the broker plus those in the offline buffer. */
    public int unconfirmed() {
        return client.getPendingTokens().length + client.getBufferedMessageCount();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
            client.close(true);
        } catch (MqttException e) {
            Logger.debug("simulator: close: {}", e.getMessage());
        }
    }

    private void subscribeDownlinks() {
        String filter = settings.topics().downFilter();
        try {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)});
        } catch (MqttException e) {
            Logger.warn("simulator: subscribe to {} failed: {}", filter, e.getMessage());
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse r) {
            Logger.warn("simulator: disconnected from {}", settings.broker());
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            Logger.warn("simulator: {}", e.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            downlinks.accept(message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Nothing to do: QoS 1 delivery is Paho's business.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            subscribeDownlinks();
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication.
        }
    }
}
