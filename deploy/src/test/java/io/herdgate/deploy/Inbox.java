package io.herdgate.deploy;

import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A client callback that hands every arriving message to one consumer. (Paho 1.2.5's per-subscription
 * listeners fail with an IndexOutOfBoundsException unless the broker echoes subscription identifiers.)
 */
final class Inbox implements MqttCallback {

    private final BiConsumer<String, MqttMessage> consumer;

    private Inbox(BiConsumer<String, MqttMessage> consumer) {
        this.consumer = consumer;
    }

    static Inbox of(BiConsumer<String, MqttMessage> consumer) {
        return new Inbox(consumer);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        consumer.accept(topic, message);
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
}
