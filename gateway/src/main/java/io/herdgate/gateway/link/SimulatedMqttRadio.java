package io.herdgate.gateway.link;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.sim.collar.Transport;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.tinylog.Logger;

/**
 * The collar end of the MQTT link, played by software: a simulated herd's uplinks are published QoS 1
 * to {@code herdgate/<gateway>/collar/<EUI>/up}; downlinks on {@code .../down} go to the herd.
 *
 * <p>Every uplink is kept until the broker confirms it, up to {@code bufferFrames} (the oldest dropped
 * and counted beyond that), as collars buffer during radio loss. After a lost connection all unconfirmed
 * uplinks are published again in their original order with their original counters; one the broker had
 * already taken reaches the gateway twice and is recognised there. Used by {@code herdgate simulate --mqtt}.
 */
public final class SimulatedMqttRadio implements Transport, AutoCloseable {

    private final MqttLinkSettings settings;
    private final Consumer<byte[]> downlinks;
    private final int bufferFrames;
    private final MqttConnection connection;
    private final CountDownLatch firstConnect = new CountDownLatch(1);
    /** Uplinks not yet confirmed by the broker, by sequence number (= send order). */
    private final ConcurrentSkipListMap<Long, byte[]> unconfirmed = new ConcurrentSkipListMap<>();
    private final Object order = new Object();
    private long nextSeq;
    private long nextToPublish;
    private long dropped;

    private SimulatedMqttRadio(MqttLinkSettings settings, int bufferFrames, Consumer<byte[]> downlinks) {
        if (bufferFrames < 1) {
            throw new IllegalArgumentException("bufferFrames must be at least 1, got " + bufferFrames);
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        this.downlinks = Objects.requireNonNull(downlinks, "downlinks");
        this.bufferFrames = bufferFrames;
        this.connection = new MqttConnection(settings, false, new Events(), "herdgate-sim-mqtt");
    }

    /**
     * Connects (retrying with the settings' back-off) and returns once the first connection is up.
     * {@code settings.clientId()} must differ from the gateway's.
     */
    public static SimulatedMqttRadio connect(MqttLinkSettings settings, int bufferFrames, Consumer<byte[]> downlinks)
            throws InterruptedException {
        SimulatedMqttRadio r = new SimulatedMqttRadio(settings, bufferFrames, downlinks);
        r.connection.start();
        r.firstConnect.await();
        return r;
    }

    /**
     * Takes one uplink frame and publishes it now if connected. While the broker's receive maximum of
     * unconfirmed frames is reached, the calling herd thread waits.
     */
    @Override
    public void send(byte[] frame) {
        if (frame.length < FrameLayout.MIN_FRAME) {
            throw new IllegalArgumentException("not a frame: " + frame.length + " bytes");
        }
        synchronized (order) {
            if (unconfirmed.size() >= bufferFrames) {
                unconfirmed.pollFirstEntry();
                dropped++;
            }
            unconfirmed.put(nextSeq++, frame);
            publishPending();
        }
    }

    /** Uplinks dropped because more than {@code bufferFrames} were unconfirmed. */
    public long dropped() {
        synchronized (order) {
            return dropped;
        }
    }

    /** Uplinks not yet confirmed by the broker (waiting for the connection, or in flight). */
    public int unconfirmed() {
        return unconfirmed.size();
    }

    @Override
    public void close() {
        connection.close();
    }

    /** Publishes, in order, every unconfirmed uplink not yet published on this connection. Holds {@link #order}. */
    private void publishPending() {
        MqttAsyncClient client = connection.connected().orElse(null);
        if (client == null) {
            return;
        }
        for (Map.Entry<Long, byte[]> e : unconfirmed.tailMap(nextToPublish).entrySet()) {
            if (!publish(client, e.getKey(), e.getValue())) {
                return; // connection lost: everything unconfirmed goes again on the next one
            }
            nextToPublish = e.getKey() + 1;
        }
    }

    private boolean publish(MqttAsyncClient client, long seq, byte[] frame) {
        String topic = settings.topics().up(CollarEui.of(FrameParser.euiValue(frame, 0)));
        while (true) {
            try {
                client.publish(topic, frame, 1, false, seq, null);
                return true;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    return false;
                }
            }
            try {
                Thread.sleep(2); // the broker's receive maximum is reached: wait for confirmations
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private final class Events implements MqttConnection.Listener {
        @Override
        public void connected(MqttAsyncClient client) throws MqttException {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(settings.topics().downFilter(), 1)})
                    .waitForCompletion(30_000);
            synchronized (order) {
                nextToPublish = unconfirmed.isEmpty() ? nextSeq : unconfirmed.firstKey();
                publishPending();
            }
            firstConnect.countDown();
        }

        @Override
        public void lost(String why) {
            Logger.warn("simulator: {}", why);
        }

        @Override
        public void message(MqttAsyncClient client, String topic, MqttMessage message) {
            downlinks.accept(message.getPayload());
        }

        @Override
        public void delivered(IMqttToken token) {
            if (token.getUserContext() instanceof Long seq) {
                unconfirmed.remove(seq);
            }
        }
    }
}
