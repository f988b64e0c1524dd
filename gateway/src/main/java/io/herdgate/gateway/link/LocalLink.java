package io.herdgate.gateway.link;

import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.protocol.frame.CollarEui;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A link inside the process: a simulation (the demo's herd) hands frames in with {@link #deliver} and
 * receives the downlinks routed to it. It goes through the same {@link Ingest} and {@link Downlinks} as
 * the serial and MQTT links, so the rest of the gateway cannot tell it apart.
 */
public final class LocalLink implements Link {

    private final LinkId id;
    private final Ingest ingest;
    private final BiConsumer<CollarEui, byte[]> downlinks;
    private final LinkCounters counters;

    private LocalLink(LinkId id, Ingest ingest, BiConsumer<CollarEui, byte[]> downlinks, Clock clock) {
        this.id = Objects.requireNonNull(id, "id");
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.downlinks = Objects.requireNonNull(downlinks, "downlinks");
        this.counters = new LinkCounters(id, "local", clock);
    }

    /** @param downlinks told every downlink routed to this link, on the ingest thread */
    public static LocalLink of(LinkId id, Ingest ingest, BiConsumer<CollarEui, byte[]> downlinks, Clock clock) {
        return new LocalLink(id, ingest, downlinks, clock);
    }

    @Override
    public LinkId id() {
        return id;
    }

    @Override
    public LinkState state() {
        return counters.state();
    }

    @Override
    public LinkStats stats() {
        return counters.snapshot();
    }

    @Override
    public void start() {
        ingest.downlinks().register(this);
        counters.up();
    }

    /**
     * Hands a frame to the ingest, waiting while it is full; {@code onHandled} runs on the ingest thread
     * once the pipeline has handled it.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void deliver(InboundFrame frame, Runnable onHandled) throws InterruptedException {
        counters.framesIn.incrementAndGet();
        counters.bytesIn.addAndGet(frame.bytes().length);
        if (ingest.put(new Arrival.Frame(id, frame, onHandled))) {
            counters.handOffWaits.incrementAndGet();
        }
    }

    @Override
    public boolean send(CollarEui eui, byte[] frame) {
        if (!counters.isUp()) {
            counters.downlinkErrors.incrementAndGet();
            return false;
        }
        counters.framesOut.incrementAndGet();
        downlinks.accept(eui, frame);
        return true;
    }

    @Override
    public void close() {
        ingest.downlinks().unregister(this);
        counters.closed();
    }
}
