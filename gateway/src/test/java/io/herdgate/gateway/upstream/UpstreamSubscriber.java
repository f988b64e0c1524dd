package io.herdgate.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The upstream side in tests: a consumer with a persistent session (the broker keeps its messages while it
 * is away, also across a broker restart) collecting every event as topic and parsed JSON.
 */
final class UpstreamSubscriber implements AutoCloseable {

    record Received(String topic, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String uri;
    private final String filter;
    private final String clientId = "upstream-consumer-" + System.nanoTime();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private MqttAsyncClient client;

    private UpstreamSubscriber(String uri, String filter) {
        this.uri = uri;
        this.filter = filter;
    }

    static UpstreamSubscriber connect(String uri, String filter) throws MqttException {
        UpstreamSubscriber s = new UpstreamSubscriber(uri, filter);
        s.reconnect();
        s.client.subscribe(filter, 1).waitForCompletion(10_000);
        return s;
    }

    /** Connects again with the same session (after a broker restart). */
    void reconnect() throws MqttException {
        if (client != null) {
            client.close(true);
        }
        client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                try {
                    received.add(new Received(topic, JSON.readTree(message.getPayload())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        client.connect(options).waitForCompletion(10_000);
    }

    /** The next message, waiting up to {@code seconds}. */
    Optional<Received> next(int seconds) throws InterruptedException {
        return Optional.ofNullable(received.poll(seconds, TimeUnit.SECONDS));
    }

    /** Exactly {@code n} messages (failing after {@code seconds} without the next one). */
    List<Received> take(int n, int seconds) throws InterruptedException {
        List<Received> out = new ArrayList<>(n);
        while (out.size() < n) {
            out.add(next(seconds).orElseThrow(() -> new AssertionError("only " + out.size() + " of " + n
                    + " messages arrived: " + out)));
        }
        return out;
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close(true);
    }
}
