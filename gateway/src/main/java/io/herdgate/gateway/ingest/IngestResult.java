package io.herdgate.gateway.ingest;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.message.MessageType;

/** What the pipeline did with one frame. */
public sealed interface IngestResult {

    /** A fresh, authentic frame from a paired collar was used. */
    record Accepted(CollarEui eui, MessageType type, long counter) implements IngestResult {
    }

    /**
     * A JSON uplink from a paired collar was used. It has no counter: it is trusted because the broker
     * lets only authorised users publish it (PROTOCOL.md section 11).
     */
    record Trusted(CollarEui eui, MessageType type) implements IngestResult {
    }

    /** A join request was granted and the join accept sent. */
    record Joined(CollarEui eui) implements IngestResult {
    }

    /** An exact repeat of the collar's last accepted frame: recognised, not used again. */
    record Duplicate(CollarEui eui, long counter) implements IngestResult {
    }

    /** The frame was not used; {@code detail} names the frame counter and collar where known. */
    record Dropped(RejectReason reason, String detail) implements IngestResult {
    }
}
