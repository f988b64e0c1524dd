package io.herdgate.gateway.flash;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.Downlink;

/** Sends a message to a collar in its current session ({@code FramePipeline::send}). */
@FunctionalInterface
public interface SessionDownlinks {

    /** @return false if the collar has no session now (not joined, or rejoining): nothing was sent */
    boolean send(CollarEui eui, Downlink message);
}
