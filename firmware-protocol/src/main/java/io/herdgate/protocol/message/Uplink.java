package io.herdgate.protocol.message;

/** A message sent by a collar to the gateway. */
public sealed interface Uplink extends Message
        permits SampleBatch, ActivitySummary, CollarStatus, CollarEvent, JoinRequest, FirmwareReply {
}
