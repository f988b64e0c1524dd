package io.herdgate.protocol.firmware;

import io.herdgate.protocol.message.FirmwareCommand;

import java.io.IOException;

/** Where {@link FirmwareUpdater} sends commands: one collar's downlink (serial dongle, MQTT, or a test). */
@FunctionalInterface
public interface CommandLink {

    /**
     * Sends one command; may return before it is on air.
     *
     * @throws IOException if the link is gone; the updater then fails resumably
     */
    void send(FirmwareCommand command) throws IOException;
}
