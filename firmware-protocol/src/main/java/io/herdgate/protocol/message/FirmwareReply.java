package io.herdgate.protocol.message;

/**
 * A collar's reply during a firmware update (next expected offset, verify result, boot report).
 * The records and their sub-operation codes are defined with the update state machine.
 */
public sealed interface FirmwareReply extends Uplink permits FirmwareReplyPlaceholder {

    @Override
    default MessageType type() {
        return MessageType.FIRMWARE_REPLY;
    }
}
