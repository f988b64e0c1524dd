package io.herdgate.bench.load;

import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Hands received downlinks to a consumer; the rest of Paho's callback is of no interest here. */
final class DownlinkCallback implements MqttCallback {

    private final BiConsumer<String, MqttMessage> downlinks;

    DownlinkCallback(BiConsumer<String, MqttMessage> downlinks) {
        this.downlinks = downlinks;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        downlinks.accept(topic, message);
    }

    @Override
    public void disconnected(MqttDisconnectResponse r) {
        System.err.println("load: broker connection lost: " + r.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException e) {
        System.err.println("load: MQTT error: " + e.getMessage());
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
