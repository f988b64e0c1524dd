package io.herdgate.gateway.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.paho.mqttv5.client.logging.Logger;
import org.eclipse.paho.mqttv5.client.logging.LoggerFactory;
import org.junit.jupiter.api.Test;

class PahoLogTest {

    @Test
    void installed_pahoMakesItsLoggersFromIt() {
        PahoLog.install();
        Logger log = LoggerFactory.getLogger(LoggerFactory.MQTT_CLIENT_MSG_CAT, "ClientState");
        assertInstanceOf(PahoLog.class, log);
    }

    @Test
    void catalogKeys_becomeTheirTextWithTheInsertsFilledIn() {
        PahoLog.install();
        Logger log = LoggerFactory.getLogger(LoggerFactory.MQTT_CLIENT_MSG_CAT, "ClientState");
        assertEquals("Received PUBLISH 7", log.formatMessage("530", new Object[] {"PUBLISH 7"}));
        assertEquals("failed: not connected", log.formatMessage("208", null));
        assertEquals("no such key", log.formatMessage("no such key", null));
    }

    @Test
    void perPacketTrace_isNotLogged_warningsAre() {
        PahoLog log = new PahoLog();
        assertFalse(log.isLoggable(Logger.FINE));
        assertFalse(log.isLoggable(Logger.FINEST));
        assertTrue(log.isLoggable(Logger.WARNING));
        assertTrue(log.isLoggable(Logger.SEVERE));
    }
}
