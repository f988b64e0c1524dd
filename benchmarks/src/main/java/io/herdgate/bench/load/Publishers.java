package io.herdgate.bench.load;

import io.herdgate.gateway.link.BufferedSockets;
import io.herdgate.protocol.frame.CollarEui;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The radio side of the load: a few MQTT connections publishing collars' uplinks QoS 1 on
 * {@code herdgate/<gateway>/collar/<EUI>/up} (as a LoRa bridge would for many collars) and taking their
 * downlinks. Each connection keeps at most {@link #IN_FLIGHT} unconfirmed publishes.
 */
final class Publishers implements AutoCloseable {

    static final int IN_FLIGHT = 2000;

    private final String prefix;
    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private final List<Semaphore> windows = new ArrayList<>();
    private final Map<CollarEui, LoadCollar> collars = new ConcurrentHashMap<>();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    Publishers(String brokerUri, String gateway, int connections) throws MqttException {
        this.prefix = "herdgate/" + gateway + "/collar/";
        for (int i = 0; i < connections; i++) {
            MqttAsyncClient c = new MqttAsyncClient(brokerUri, "load-" + i + "-" + ProcessHandle.current().pid(),
                    new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            o.setReceiveMaximum(65535);
            o.setSocketFactory(BufferedSockets.create()); // as the gateway: no system call per byte of a PUBACK
            if (i == 0) {
                c.setCallback(new DownlinkCallback(this::downlink));
            }
            c.connect(o).waitForCompletion(10_000);
            clients.add(c);
            windows.add(new Semaphore(IN_FLIGHT));
        }
        clients.get(0).subscribe(prefix + "+/down", 1).waitForCompletion(10_000);
    }

    void add(LoadCollar c) {
        collars.put(c.eui(), c);
    }

    private void downlink(String topic, MqttMessage m) {
        if (topic.startsWith(prefix) && topic.length() >= prefix.length() + 16) {
            LoadCollar c = collars.get(CollarEui.parse(topic.substring(prefix.length(), prefix.length() + 16)));
            if (c != null) {
                c.downlink(m.getPayload());
            }
        }
    }

    /** Publishes one uplink on connection {@code connection}, waiting while its window is full. */
    void publish(int connection, CollarEui eui, byte[] frame) throws InterruptedException {
        Semaphore window = windows.get(connection);
        window.acquire();
        try {
            clients.get(connection).publish(prefix + eui + "/up", frame, 1, false, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken t) {
                    confirmed.incrementAndGet();
                    window.release();
                }

                @Override
                public void onFailure(IMqttToken t, Throwable e) {
                    failed.incrementAndGet();
                    window.release();
                }
            });
        } catch (MqttException e) {
            failed.incrementAndGet();
            window.release();
        }
    }

    /** Waits until every publish so far is confirmed by the broker or failed. */
    void drain() throws InterruptedException {
        for (Semaphore w : windows) {
            w.acquire(IN_FLIGHT);
            w.release(IN_FLIGHT);
        }
    }

    long confirmed() {
        return confirmed.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        for (MqttAsyncClient c : clients) {
            try {
                c.disconnect().waitForCompletion(5_000);
                c.close();
            } catch (MqttException ignored) {
                // closing anyway
            }
        }
    }
}
