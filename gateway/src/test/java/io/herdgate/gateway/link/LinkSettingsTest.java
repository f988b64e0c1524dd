package io.herdgate.gateway.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinkSettingsTest {

    private static final Path DONGLE = Path.of("/dev/serial/by-id/usb-herdgate_radio-if00");

    @Test
    void mqttDefaults_suitAGatewayOnAPi() {
        MqttLinkSettings s = MqttLinkSettings.of("tcp://broker.local:1883", "farm1");
        assertEquals(LinkId.of("mqtt"), s.id());
        assertEquals("herdgate-farm1", s.clientId());
        assertEquals(Duration.ofDays(7), s.sessionExpiry());
        assertEquals(64, s.receiveMaximum());
        assertEquals(Duration.ofSeconds(1), s.retryFirst());
        assertEquals(Duration.ofSeconds(60), s.retryMax());
        assertTrue(s.password().isEmpty());
    }

    @Test
    void serialDefaults_suitAUsbDongle() {
        SerialLinkSettings s = SerialLinkSettings.of(DONGLE);
        assertEquals(LinkId.of("serial"), s.id());
        assertEquals(115_200, s.baud());
        assertEquals(Duration.ofMillis(20), s.poll());
        assertEquals(Duration.ofSeconds(10), s.retryMax());
    }

    static Stream<Arguments> badSettings() {
        MqttLinkSettings mqtt = MqttLinkSettings.of("ssl://broker.local:8883", "farm1");
        SerialLinkSettings serial = SerialLinkSettings.of(DONGLE);
        return Stream.of(
                bad("mqtt broker must be tcp://host:port", () -> MqttLinkSettings.of("http://broker:80", "f")),
                bad("mqtt broker must be tcp://host:port", () -> MqttLinkSettings.of("tcp://broker", "f")),
                bad("mqtt broker must be tcp://host:port", () -> MqttLinkSettings.of("tcp://bro ker:1", "f")),
                bad("is not ssl://", () -> MqttLinkSettings.of("tcp://b:1883", "f").withCaFile(Path.of("/ca.pem"))),
                bad("mqtt client_id", () -> mqtt.withClientId("herdgate/1")),
                bad("mqtt receive_maximum must be 1..65535", () -> mqtt.withReceiveMaximum(0)),
                bad("mqtt keep_alive must be", () -> mqtt.withKeepAlive(Duration.ofSeconds(1))),
                bad("mqtt retry_max must be", () -> mqtt.withRetry(Duration.ofSeconds(5), Duration.ofSeconds(1))),
                bad("mqtt username must be", () -> mqtt.withCredentials("", MqttPassword.fromEnv("PW"))),
                bad("serial device must be an absolute path", () -> SerialLinkSettings.of(Path.of("ttyUSB0"))),
                bad("serial baud must be one of", () -> serial.withBaud(12345)),
                bad("serial channel must be 0..255", () -> serial.withRadio(256, 14)),
                bad("serial tx_power_dbm must be -128..127", () -> serial.withRadio(0, 200)),
                bad("serial poll must be", () -> serial.withPoll(Duration.ZERO)),
                bad("link id must be", () -> LinkId.of("Dongle 1")));
    }

    private static Arguments bad(String message, Supplier<?> build) {
        return Arguments.of(message, build);
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void badSettings_areRefusedNamingTheSettingAndTheAllowedValues(String message, Supplier<?> build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
