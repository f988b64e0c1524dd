package io.herdgate.gateway.link;

import io.herdgate.protocol.frame.CollarEui;

/**
 * One way collar frames reach the gateway (the serial dongle, an MQTT broker). A started link keeps
 * itself up: it reconnects after losses with a capped back-off and never needs a process restart. Its
 * uplinks go to the {@link Ingest} it was made with; {@link Downlinks} routes downlinks to it.
 */
public interface Link extends AutoCloseable {

    LinkId id();

    /** The state now; never blocks. */
    LinkState state();

    /** Counters since start; never blocks. */
    LinkStats stats();

    /** Starts connecting in the background and returns at once; a link starts once. */
    void start();

    /**
     * Sends a complete downlink frame (header to MIC) to the collar. Returns false, and counts it, when the
     * link is down or the write fails; the collar's protocol retries (join requests, unacked events).
     */
    boolean send(CollarEui eui, byte[] frame);

    /** Stops the link and its threads; waits briefly for them. Idempotent. */
    @Override
    void close();
}
