package io.herdgate.protocol.message;

/**
 * A firmware-update command from the gateway (begin, chunk, verify, test boot, confirm, abort).
 * The records and their sub-operation codes are defined with the update state machine.
 */
public sealed interface FirmwareCommand extends Downlink permits FirmwareCommandPlaceholder {

    @Override
    default MessageType type() {
        return MessageType.FIRMWARE_COMMAND;
    }
}
