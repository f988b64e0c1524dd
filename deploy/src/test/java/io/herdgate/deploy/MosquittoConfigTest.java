package io.herdgate.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The packaged mosquitto configuration and ACL, run in a real mosquitto. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MosquittoConfigTest {

    private static final String EUI = "70B3D57ED0001234";
    private static final String OTHER_EUI = "70B3D57ED0009999";
    private static final int NOT_AUTHORIZED = 0x87;

    private ShippedMosquitto broker;
    private MqttAsyncClient gateway;
    private final BlockingQueue<String> gatewaySaw = new LinkedBlockingQueue<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        broker = ShippedMosquitto.start(dir, List.of("herdgate-gateway", "collar-feed", "monitor", EUI));
        gateway = connect("herdgate-gateway", local());
        gateway.setCallback(Inbox.of((topic, message) -> gatewaySaw.add(topic)));
        gateway.subscribe("herdgate/+/collar/#", 1).waitForCompletion();
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.disconnect().waitForCompletion();
            gateway.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void collarFeed_overTls_reachesTheGateway() throws Exception {
        MqttAsyncClient feed = connect("collar-feed", tls());
        byte[] frame = {1, 2, 3, 4};

        int token = publish(feed, "herdgate/farm1/collar/" + EUI + "/up", frame);

        assertEquals(0, token);
        assertEquals("herdgate/farm1/collar/" + EUI + "/up", gatewaySaw.poll(10, TimeUnit.SECONDS));
        feed.disconnect().waitForCompletion();
    }

    @Test
    void collarFeed_writingDownlinks_isNotAuthorized() throws Exception {
        MqttAsyncClient feed = connect("collar-feed", tls());

        int token = publish(feed, "herdgate/farm1/collar/" + EUI + "/down", new byte[] {9});

        assertEquals(NOT_AUTHORIZED, token);
        feed.disconnect().waitForCompletion();
    }

    @Test
    void collarWithItsOwnLogin_mayOnlyWriteItsOwnUplink() throws Exception {
        MqttAsyncClient collar = connect(EUI, tls());

        int own = publish(collar, "herdgate/farm1/collar/" + EUI + "/up", new byte[] {1});
        int other = publish(collar, "herdgate/farm1/collar/" + OTHER_EUI + "/up", new byte[] {1});
        int json = publish(collar, "herdgate/farm1/collar/" + EUI + "/up/json", "{}".getBytes());

        assertEquals(0, own);
        assertEquals(NOT_AUTHORIZED, other);
        assertEquals(NOT_AUTHORIZED, json, "JSON uplinks carry no MIC: only trusted feeds");
        collar.disconnect().waitForCompletion();
    }

    @Test
    void monitor_mayReadButNotPublish() throws Exception {
        MqttAsyncClient monitor = connect("monitor", tls());
        BlockingQueue<byte[]> seen = new LinkedBlockingQueue<>();
        monitor.setCallback(Inbox.of((topic, message) -> seen.add(message.getPayload())));
        monitor.subscribe("herdgate/#", 1).waitForCompletion();
        MqttAsyncClient feed = connect("collar-feed", tls());

        publish(feed, "herdgate/farm1/collar/" + EUI + "/up", new byte[] {7, 7});
        int own = publish(monitor, "herdgate/farm1/collar/" + EUI + "/up", new byte[] {1});

        assertArrayEquals(new byte[] {7, 7}, seen.poll(10, TimeUnit.SECONDS));
        assertEquals(NOT_AUTHORIZED, own);
        assertNull(seen.poll(300, TimeUnit.MILLISECONDS));
        monitor.disconnect().waitForCompletion();
        feed.disconnect().waitForCompletion();
    }

    @Test
    void anonymousOrWrongPassword_isRefusedOnBothListeners() throws Exception {
        for (String uri : List.of(local(), tls())) {
            MqttAsyncClient anonymous = new MqttAsyncClient(uri, "anon", new MemoryPersistence());
            MqttConnectionOptions noLogin = options(uri);
            assertThrows(MqttException.class, () -> anonymous.connect(noLogin).waitForCompletion(), uri);
            anonymous.close();

            MqttAsyncClient wrong = new MqttAsyncClient(uri, "wrong", new MemoryPersistence());
            MqttConnectionOptions badPassword = options(uri);
            badPassword.setUserName("collar-feed");
            badPassword.setPassword("guess".getBytes());
            assertThrows(MqttException.class, () -> wrong.connect(badPassword).waitForCompletion(), uri);
            wrong.close();
        }
    }

    @Test
    void tlsListener_refusesPlainMqtt() throws Exception {
        MqttAsyncClient plain = new MqttAsyncClient("tcp://127.0.0.1:" + broker.tlsPort, "plain", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("collar-feed");
        options.setPassword(ShippedMosquitto.PASSWORD.getBytes());
        options.setConnectionTimeout(5);

        assertThrows(MqttException.class, () -> plain.connect(options).waitForCompletion());
        plain.close();
    }

    private String local() {
        return "tcp://127.0.0.1:" + broker.localPort;
    }

    private String tls() {
        return "ssl://localhost:" + broker.tlsPort;
    }

    private MqttAsyncClient connect(String user, String uri) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(uri, user + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = options(uri);
        options.setUserName(user);
        options.setPassword(ShippedMosquitto.PASSWORD.getBytes());
        client.connect(options).waitForCompletion();
        return client;
    }

    /** Publishes at QoS 1 and returns the broker's PUBACK reason code (0 = accepted). */
    private static int publish(MqttAsyncClient client, String topic, byte[] payload) throws Exception {
        try {
            IMqttToken token = client.publish(topic, new MqttMessage(payload, 1, false, null));
            token.waitForCompletion(10_000);
            int[] codes = token.getReasonCodes();
            return codes == null || codes.length == 0 ? 0 : codes[0];
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    private MqttConnectionOptions options(String uri) throws Exception {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setConnectionTimeout(10);
        if (uri.startsWith("ssl:")) {
            options.setSocketFactory(trustingTestCa().getSocketFactory());
        }
        return options;
    }

    private SSLContext trustingTestCa() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(broker.caCertificate)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
