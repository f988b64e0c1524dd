package io.herdgate.gateway.link;

import io.herdgate.gateway.ingest.DownlinkSender;
import io.herdgate.protocol.frame.CollarEui;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;

/**
 * Sends each downlink over the link its collar was last heard on (a collar moved from the dongle to an
 * MQTT radio is answered over MQTT). Give it to {@code FramePipeline.Builder.downlinks}; the
 * {@link Ingest} tells it who was heard where, started links register themselves. Thread-safe.
 */
public final class Downlinks implements DownlinkSender {

    private final Map<LinkId, Link> links = new ConcurrentHashMap<>();
    private final Map<CollarEui, LinkId> lastHeard = new ConcurrentHashMap<>();
    private final AtomicLong unroutable = new AtomicLong();

    private Downlinks() {
    }

    public static Downlinks create() {
        return new Downlinks();
    }

    /**
     * Sends the frame over the collar's last link. A collar never heard, or heard on a link now closed,
     * is counted in {@link #unroutable()}; a link that is down counts the failure itself.
     */
    @Override
    public void send(CollarEui eui, byte[] frame) {
        Link link = Optional.ofNullable(lastHeard.get(eui)).map(links::get).orElse(null);
        if (link == null) {
            unroutable.incrementAndGet();
            Logger.warn("downlink to collar {} not sent: no link has heard it", eui);
            return;
        }
        link.send(eui, frame);
    }

    /** The link a downlink to {@code eui} would take. */
    public Optional<LinkId> route(CollarEui eui) {
        return Optional.ofNullable(lastHeard.get(eui));
    }

    /** Downlinks for collars no open link has heard. */
    public long unroutable() {
        return unroutable.get();
    }

    void register(Link link) {
        Link before = links.putIfAbsent(link.id(), link);
        if (before != null && before != link) {
            throw new IllegalStateException("two links named " + link.id());
        }
    }

    void unregister(Link link) {
        links.remove(link.id(), link);
    }

    /** Routes the collar's downlinks to {@code link}; returns the route before. */
    Optional<LinkId> heard(CollarEui eui, LinkId link) {
        // Called for every uplink; a collar nearly always stays on its link, and a read costs no lock.
        LinkId before = lastHeard.get(eui);
        if (!link.equals(before)) {
            before = lastHeard.put(eui, link);
        }
        return Optional.ofNullable(before);
    }

    /** Puts back the route {@link #heard} replaced. */
    void restore(CollarEui eui, Optional<LinkId> before) {
        if (before.isPresent()) {
            lastHeard.put(eui, before.get());
        } else {
            lastHeard.remove(eui);
        }
    }
}
