package io.herdgate.gateway.link;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/** A plain MQTT client publishing whatever a test asks, as a third-party system would (QoS 1). */
final class RawPublisher implements AutoCloseable {

    private final MqttClient client;

    private RawPublisher(MqttClient client) {
        this.client = client;
    }

    static RawPublisher connect(String uri) throws MqttException {
        MqttClient c = new MqttClient(uri, "raw-" + UUID.randomUUID(), new MemoryPersistence());
        c.connect(new MqttConnectionOptions());
        return new RawPublisher(c);
    }

    void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
