package io.herdgate.gateway.ingest;

import io.herdgate.protocol.frame.CollarEui;

/** Sends a complete downlink frame to a collar over whichever link reaches it. */
@FunctionalInterface
public interface DownlinkSender {

    void send(CollarEui eui, byte[] frame);
}
