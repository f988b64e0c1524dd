package io.herdgate.gateway.link;

import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/** Paho connection options from {@link MqttLinkSettings}: persistent session, keep-alive, TLS, credentials. */
final class MqttOptions {

    private MqttOptions() {
    }

    /** Reads the password (and CA file) now, so a fixed file is picked up at the next attempt. */
    static MqttConnectionOptions of(MqttLinkSettings settings) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        o.setReceiveMaximum(settings.receiveMaximum());
        o.setConnectionTimeout(10);
        // Reconnects are MqttConnection's, with a fresh client each time (see there why).
        o.setAutomaticReconnect(false);
        settings.username().ifPresent(o::setUserName);
        settings.password().ifPresent(p -> o.setPassword(p.read()));
        if (settings.broker().getScheme().equals("ssl")) {
            o.setSocketFactory(TlsTrust.socketFactory(settings.caFile()));
        } else {
            o.setSocketFactory(BufferedSockets.create());
        }
        return o;
    }
}
