package io.herdgate.gateway.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MqttPacketsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void connect_withCredentials_isEncodedAsMqtt5() {
        byte[] p = MqttPackets.connect("gw", Optional.of("u"), Optional.of(new byte[] {'p', 'w'}), 604_800, 30, 64);
        assertEquals("10" + "23" // CONNECT, remaining length 35
                + "00044d515454" + "05" + "c0" + "001e" // "MQTT", version 5, user + password, clean start off, 30 s
                + "0d" + "11" + "00093a80" + "21" + "0040" + "27" + "00040000" // session expiry, receive max, max packet
                + "00026777" + "000175" + "00027077", HEX.formatHex(p)); // client id, user, password
    }

    @Test
    void subscribe_asksQos1ForEachFilter() {
        byte[] p = MqttPackets.subscribe(7, List.of("a/+", "b"));
        assertEquals("820d" + "0007" + "00" + "0003612f2b" + "01" + "000162" + "01", HEX.formatHex(p));
    }

    @Test
    void publish_isQos1WithPacketIdAndNoProperties() {
        assertEquals("3208" + "0001" + "74" + "0102" + "00" + "aabb",
                HEX.formatHex(MqttPackets.publish("t", 0x0102, new byte[] {(byte) 0xAA, (byte) 0xBB})));
    }

    @Test
    void puback_isFourBytesWithTheReasonLeftOut() {
        byte[] b = new byte[6];
        MqttPackets.puback(0xBEEF, b, 1);
        assertEquals("004002beef00", HEX.formatHex(b));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "qos1 no properties,     2, 0003612f62 0009 00 0102,    a/b, 9, 0102",
            "qos0 no packet id,      0, 0001 74 00 ff,              t,   0, ff",
            "qos1 with properties,   2, 0001 74 0001 03 010100 aa,  t,   1, aa",
            "qos1 empty payload,     2, 0001 74 0001 00,            t,   1, ''",
    })
    void readPublish_decodesTopicPacketIdAndPayload(String name, int flags, String body, String topic, int id,
                                                    String payload) {
        byte[] b = HEX.parseHex(body.replace(" ", ""));
        MqttPackets.Inbound.Publish p = assertInstanceOf(MqttPackets.Inbound.Publish.class,
                MqttPackets.readPublish(flags, b, b.length));
        assertEquals(topic, p.topic());
        assertEquals(id, p.packetId());
        assertArrayEquals(HEX.parseHex(payload), p.payload());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "qos 3,                  6, 0001 74 0001 00",
            "topic past the end,     2, 0009 74 0001",
            "no packet id,           2, 0001 74",
            "properties past end,    2, 0001 74 0001 05 01",
            "one byte,               0, 00",
    })
    void readPublish_malformed_isAResultNotAnException(String name, int flags, String body) {
        byte[] b = HEX.parseHex(body.replace(" ", ""));
        assertInstanceOf(MqttPackets.Inbound.Malformed.class, MqttPackets.readPublish(flags, b, b.length));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "no properties at all,         0000,                   65535",
            "empty properties,             000000,                 65535",
            "receive maximum 20,           0000 03 210014,         20",
            "after other properties,       0000 0c 2401 2200ff 12000141 210005, 5",
            "after a user property,        0000 0b 26 0001 6b 0002 7676 210003, 3",
            "unknown property,             0000 02 ff00,           -1",
    })
    void serverReceiveMaximum_isReadFromTheConnackProperties(String name, String body, int expected) {
        byte[] b = HEX.parseHex(body.replace(" ", ""));
        assertEquals(expected, MqttPackets.serverReceiveMaximum(b, b.length));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "all granted,     0001 00 0101,  -1",
            "one refused,     0001 00 0187,  135",
            "too short,       00,            128",
    })
    void subackFailure_findsTheFirstRefusedFilter(String name, String body, int expected) {
        byte[] b = HEX.parseHex(body.replace(" ", ""));
        assertEquals(expected, MqttPackets.subackFailure(b, b.length));
    }

    @Test
    void reasonText_namesBadCredentials() {
        assertEquals("bad user name or password", MqttPackets.reasonText(0x86));
        assertEquals("reason code 0xfe", MqttPackets.reasonText(0xFE));
    }
}
