package io.herdgate.gateway.link;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

/**
 * Keeps one MQTT session connected: connects (the first time and after every loss) with a capped
 * back-off, on its own thread, for as long as it is not closed. The session itself (subscriptions, QoS 1
 * messages queued for this client id) lives on in the broker: clean start is off.
 *
 * <p>Every connection gets a fresh Paho client instead of Paho's automatic reconnect: Paho 1.2.5 resends
 * in-flight QoS 1 publishes after a reconnect with the previous connection's topic alias and no topic,
 * which the broker answers with a protocol-error disconnect, forever (eclipse-paho/paho.mqtt.java
 * #1104). Publishes in flight at a loss are therefore the owner's to resend.
 */
final class MqttConnection implements AutoCloseable {

    static {
        PahoLog.install();
    }

    /** What happens to the connection; called on Paho's or the connector's thread, keep it short. */
    interface Listener {
        /** Connected (again); runs on the connector thread, which may block here (e.g. to subscribe). */
        void connected(MqttAsyncClient client) throws MqttException;

        /** A connect attempt failed or the connection was lost. */
        void lost(String why);

        /** A message arrived over {@code client}. */
        void message(MqttAsyncClient client, String topic, MqttMessage message);

        /** The broker confirmed a QoS 1 publish. */
        void delivered(IMqttToken token);
    }

    private final MqttLinkSettings settings;
    private final boolean manualAcks;
    private final Listener listener;
    private final Thread connector;
    private volatile MqttAsyncClient client;
    private volatile boolean closed;

    MqttConnection(MqttLinkSettings settings, boolean manualAcks, Listener listener, String threadName) {
        this.settings = settings;
        this.manualAcks = manualAcks;
        this.listener = listener;
        this.connector = new Thread(this::run, threadName);
        connector.setDaemon(true);
    }

    void start() {
        connector.start();
    }

    /** The client of the current connection, if connected. */
    Optional<MqttAsyncClient> connected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected() ? Optional.of(c) : Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
        connector.interrupt();
        try {
            connector.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        MqttAsyncClient c = client;
        if (c != null) {
            shutdown(c, true);
        }
    }

    private void run() {
        Backoff backoff = new Backoff(settings.retryFirst(), settings.retryMax());
        while (!closed) {
            CountDownLatch lost = new CountDownLatch(1);
            MqttAsyncClient c;
            try {
                c = new MqttAsyncClient(settings.broker().toString(), settings.clientId(), new MemoryPersistence());
            } catch (MqttException e) {
                listener.lost("mqtt broker " + settings.broker() + ": " + describe(e));
                return;
            }
            c.setManualAcks(manualAcks);
            c.setCallback(new Callback(c, lost));
            client = c;
            try {
                c.connect(MqttOptions.of(settings)).waitForCompletion(30_000);
                backoff.reset();
                listener.connected(c);
                lost.await();
            } catch (MqttException | LinkConfigException e) {
                listener.lost("connect to " + settings.broker() + " failed: " + describe(e));
                shutdown(c, false);
                if (!sleep(backoff)) {
                    return;
                }
                continue;
            } catch (InterruptedException e) {
                return;
            }
            shutdown(c, false);
        }
    }

    private boolean sleep(Backoff backoff) {
        try {
            Thread.sleep(backoff.next().toMillis());
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void shutdown(MqttAsyncClient c, boolean polite) {
        try {
            if (c.isConnected()) {
                if (polite) {
                    c.disconnect(2_000).waitForCompletion(3_000);
                } else {
                    c.disconnectForcibly(0, 1_000, 0, new MqttProperties()); // reason 0: normal disconnection
                }
            }
        } catch (MqttException e) {
            Logger.debug("mqtt {}: disconnect: {}", settings.clientId(), e.getMessage());
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            Logger.debug("mqtt {}: close: {}", settings.clientId(), e.getMessage());
        }
    }

    static String describe(Throwable e) {
        Throwable cause = e.getCause();
        String msg = e.getMessage();
        return cause != null && cause.getMessage() != null && !cause.getMessage().equals(msg)
                ? msg + " (" + cause.getMessage() + ")" : String.valueOf(msg);
    }

    /** Callbacks of one client; a stale client's callbacks only end its own wait. */
    private final class Callback implements MqttCallback {
        private final MqttAsyncClient owner;
        private final CountDownLatch lost;

        Callback(MqttAsyncClient owner, CountDownLatch lost) {
            this.owner = owner;
            this.lost = lost;
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {
            String why = r.getException() != null ? describe(r.getException())
                    : "broker closed the connection, reason code " + r.getReturnCode()
                    + (r.getReasonString() != null ? " " + r.getReasonString() : "");
            if (!closed) {
                listener.lost("connection lost: " + why);
            }
            lost.countDown();
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            Logger.warn("mqtt {}: {}", settings.clientId(), describe(e));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            listener.message(owner, topic, message);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            listener.delivered(token);
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // The connector thread continues after connect() completes.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication is configured.
        }
    }
}
