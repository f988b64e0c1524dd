package io.herdgate.gateway.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.protocol.frame.CollarEui;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MqttTopicsTest {

    private static final MqttTopics TOPICS = MqttTopics.of("farm-1");
    private static final CollarEui EUI = CollarEui.parse("70B3D57ED0001234");

    @Test
    void topics_followProtocolSection11() {
        assertEquals("herdgate/farm-1/collar/70B3D57ED0001234/up", TOPICS.up(EUI));
        assertEquals("herdgate/farm-1/collar/70B3D57ED0001234/up/json", TOPICS.upJson(EUI));
        assertEquals("herdgate/farm-1/collar/70B3D57ED0001234/down", TOPICS.down(EUI));
        assertEquals("herdgate/farm-1/collar/+/up", TOPICS.binaryFilter());
        assertEquals("herdgate/farm-1/collar/+/up/json", TOPICS.jsonFilter());
        assertEquals("herdgate/farm-1/collar/+/down", TOPICS.downFilter());
    }

    @Test
    void parse_readsTheCollarAndTheForm() {
        assertEquals(Optional.of(new MqttTopics.Uplink(EUI, false)), TOPICS.parse(TOPICS.up(EUI)));
        assertEquals(Optional.of(new MqttTopics.Uplink(EUI, true)), TOPICS.parse(TOPICS.upJson(EUI)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000000000", "FFFFFFFFFFFFFFFF", "8000000000000001", "0123456789ABCDEF"})
    void parse_readsEveryEuiAsPrinted(String hex) {
        CollarEui eui = CollarEui.parse(hex);
        assertEquals(Optional.of(new MqttTopics.Uplink(eui, false)), TOPICS.parse(TOPICS.up(eui)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "herdgate/farm-1/collar/70B3D57ED0001234/down",
            "herdgate/farm-2/collar/70B3D57ED0001234/up",
            "herdgate/farm-1/collar/70b3d57ed0001234/up",
            "herdgate/farm-1/collar/70B3D57ED000123/up",
            "herdgate/farm-1/collar/70B3D57ED0001234/up/json/x",
            "herdgate/farm-1/collar/70B3D57ED0001234",
            "herdgate/farm-10/collar/70B3D57ED0001234/up",
            "herdgate/farm-1/collar/70B3D57ED000123G/up",
            "herdgate/farm-1/collar/70B3D57ED0001234/upx",
            "herdgate/farm-1/collar/70B3D57ED0001234/up/jsox",
            "herdgate/farm-1/cattle/70B3D57ED0001234/up",
            "other"})
    void parse_ignoresEveryOtherTopic(String topic) {
        assertTrue(TOPICS.parse(topic).isEmpty(), topic);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "farm/1", "farm+", "farm#", "hof 1"})
    void gatewayName_mustBeLettersDigitsAndDashes(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MqttTopics.of(name));
        assertTrue(e.getMessage().contains("letters, digits and '-'"), e.getMessage());
    }
}
