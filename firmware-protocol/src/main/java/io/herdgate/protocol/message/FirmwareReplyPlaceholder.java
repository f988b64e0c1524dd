package io.herdgate.protocol.message;

/** Temporary: replaced by the firmware-update records. */
record FirmwareReplyPlaceholder() implements FirmwareReply {
}
