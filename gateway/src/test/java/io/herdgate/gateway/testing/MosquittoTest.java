package io.herdgate.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

class MosquittoTest {

    @Test
    void plainBroker_carriesMessages_andComesBackOnTheSamePortAfterRestart() throws Exception {
        try (Mosquitto broker = Mosquitto.plain().start()) {
            int port = broker.port();
            assertEquals("tcp://127.0.0.1:" + port, broker.uri());
            assertEquals("hello", roundTrip(broker, new MqttConnectionOptions()));

            broker.restart();

            assertEquals(port, broker.port());
            assertTrue(broker.isRunning());
            assertEquals("hello", roundTrip(broker, new MqttConnectionOptions()));
        }
    }

    @Test
    void stoppedBroker_refusesConnections() {
        try (Mosquitto broker = Mosquitto.plain().start()) {
            broker.stop();
            assertThrows(MqttException.class, () -> roundTrip(broker, new MqttConnectionOptions()));
        }
    }

    @Test
    void securedBroker_acceptsTheUserOverTls_andRejectsAWrongPassword() throws Exception {
        try (Mosquitto broker = Mosquitto.secured("gateway", "s3cret").start()) {
            assertTrue(broker.uri().startsWith("ssl://127.0.0.1:"));
            MqttConnectionOptions good = tls(broker);
            good.setUserName("gateway");
            good.setPassword("s3cret".getBytes(StandardCharsets.UTF_8));
            assertEquals("hello", roundTrip(broker, good));

            MqttConnectionOptions bad = tls(broker);
            bad.setUserName("gateway");
            bad.setPassword("wrong".getBytes(StandardCharsets.UTF_8));
            assertThrows(MqttException.class, () -> roundTrip(broker, bad));
        }
    }

    private static MqttConnectionOptions tls(Mosquitto broker) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(broker.caFile().orElseThrow())) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        SSLSocketFactory factory = ctx.getSocketFactory();
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setSocketFactory(factory);
        return o;
    }

    private static String roundTrip(Mosquitto broker, MqttConnectionOptions options) throws Exception {
        options.setConnectionTimeout(5);
        MqttClient client = new MqttClient(broker.uri(), "t-" + UUID.randomUUID(), new MemoryPersistence());
        try {
            client.connect(options);
            BlockingQueue<String> got = new ArrayBlockingQueue<>(1);
            // MqttClient.subscribe(String, int, listener) recurses forever in Paho 1.2.5; use the array form.
            client.subscribe(new MqttSubscription[] {new MqttSubscription("test/echo", 1)},
                    new IMqttMessageListener[] {(topic, m) -> got.offer(new String(m.getPayload(), StandardCharsets.UTF_8))});
            client.publish("test/echo", "hello".getBytes(StandardCharsets.UTF_8), 1, false);
            return got.poll(5, TimeUnit.SECONDS);
        } finally {
            if (client.isConnected()) {
                client.disconnectForcibly(1000);
            }
            client.close(true);
        }
    }
}
