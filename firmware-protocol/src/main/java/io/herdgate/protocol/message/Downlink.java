package io.herdgate.protocol.message;

/** A message sent by the gateway to a collar. */
public sealed interface Downlink extends Message
        permits JoinAccept, CollarConfig, TimeSync, FirmwareCommand, Ack {
}
