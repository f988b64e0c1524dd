package io.herdgate.gateway.ingest;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.FirmwareReply;

/** Where the pipeline hands fresh firmware replies from collars (the firmware-update service). */
@FunctionalInterface
public interface FirmwareReplies {

    /** Called on the ingest thread; must return quickly (queue, do not block). */
    void onReply(CollarEui eui, FirmwareReply reply);
}
