package io.herdgate.gateway.link;

import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.json.MessageJson;
import io.herdgate.protocol.json.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tinylog.Logger;

/**
 * Collar frames through an MQTT 5 broker, on the topics of {@link MqttTopics}, over one {@code MqttWire}
 * at a time.
 *
 * <ul>
 *   <li>Persistent session: clean start off and a session expiry, so the broker keeps the subscriptions
 *       and queues QoS 1 uplinks while the gateway is away; the subscriptions are made again after every
 *       connect anyway, in case the broker lost the session. The link is up once they are confirmed.</li>
 *   <li>The first connect and every reconnect are retried with a capped back-off, for as long as the
 *       link is open, on the link's connector thread; every connection is a fresh {@code MqttWire}.</li>
 *   <li>QoS 1 with manual acknowledgement: an uplink is acknowledged only after the pipeline has handled
 *       it. While the ingest is full the link waits and acknowledges nothing, so the broker stops after
 *       {@link MqttLinkSettings#receiveMaximum()} unacknowledged messages and holds the rest.</li>
 *   <li>A binary frame whose EUI is not its topic's is dropped and counted, as PROTOCOL.md section 11
 *       requires; messages on other topics are dropped and counted.</li>
 *   <li>JSON uplinks ({@code .../up/json}) are read strictly (PROTOCOL.md section 12); an invalid one is
 *       dropped and counted with the field at fault in the log.</li>
 *   <li>Downlinks are published QoS 1 to {@code .../down}; while disconnected, or while as many as the
 *       broker takes at once await its PUBACK, they fail and are counted (the collar protocol retries, and
 *       a stale join accept would be useless anyway).</li>
 * </ul>
 * The password is read at every connect attempt and never logged.
 */
public final class MqttLink implements Link {

    private final MqttLinkSettings settings;
    private final Ingest ingest;
    private final Clock clock;
    private final LinkCounters counters;
    private final Thread connector;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile MqttWire wire;
    private volatile boolean closed;

    private MqttLink(MqttLinkSettings settings, Ingest ingest, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counters = new LinkCounters(settings.id(), "mqtt", clock);
        this.connector = new Thread(this::connect, "herdgate-mqtt-" + settings.id());
        connector.setDaemon(true);
    }

    /** A link that will hand its uplinks to {@code ingest}; {@code clock} dates frames and states. */
    public static MqttLink of(MqttLinkSettings settings, Ingest ingest, Clock clock) {
        return new MqttLink(settings, ingest, clock);
    }

    @Override
    public LinkId id() {
        return settings.id();
    }

    @Override
    public LinkState state() {
        return counters.state();
    }

    @Override
    public LinkStats stats() {
        return counters.snapshot();
    }

    public MqttLinkSettings settings() {
        return settings;
    }

    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("link " + id() + " already started");
        }
        ingest.downlinks().register(this);
        connector.start();
    }

    @Override
    public boolean send(CollarEui eui, byte[] frame) {
        MqttWire w = wire;
        if (w == null || !w.publish(settings.topics().down(eui), frame)) {
            counters.downlinkErrors.incrementAndGet();
            Logger.warn("link {}: downlink to collar {} not published, {}", id(), eui,
                    w == null ? "not connected" : "not connected or too many downlinks awaiting the broker");
            return false;
        }
        counters.framesOut.incrementAndGet();
        return true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        counters.closed();
        ingest.downlinks().unregister(this);
        connector.interrupt();
        try {
            connector.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        MqttWire w = wire;
        if (w != null) {
            w.close();
        }
    }

    /** The connector thread: connects, waits for the connection to end, and again, with back-off. */
    private void connect() {
        Backoff backoff = new Backoff(settings.retryFirst(), settings.retryMax());
        List<String> filters = List.of(settings.topics().binaryFilter(), settings.topics().jsonFilter());
        while (!closed) {
            try {
                MqttWire w = MqttWire.open(settings, filters, this::arrived, "mqtt-" + settings.id());
                wire = w;
                if (closed) {
                    w.close();
                    return;
                }
                backoff.reset();
                counters.up();
                String why = w.awaitEnd();
                if (!closed) {
                    counters.down("connection to " + settings.broker() + " lost: " + why);
                }
            } catch (IOException | LinkConfigException e) {
                counters.down("connect to " + settings.broker() + " failed: " + e.getMessage());
                try {
                    Thread.sleep(backoff.next().toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void arrived(MqttWire w, String topic, byte[] payload, int packetId) {
        counters.bytesIn.addAndGet(payload.length);
        Optional<MqttTopics.Uplink> up = settings.topics().parse(topic);
        if (up.isEmpty()) {
            reject(w, packetId, "message on topic " + topic + " dropped: not an uplink topic of gateway "
                    + settings.topics().gateway());
            return;
        }
        CollarEui eui = up.get().eui();
        if (up.get().json()) {
            ReadResult read = MessageJson.readUplink(new String(payload, StandardCharsets.UTF_8));
            if (read instanceof ReadResult.Invalid invalid) {
                reject(w, packetId, "JSON uplink on " + topic + " dropped: " + invalid.error());
                return;
            }
            hand(new Arrival.Json(id(), eui, ((ReadResult.Ok) read).message(), clock.instant(),
                    () -> w.ack(packetId)));
            return;
        }
        if (payload.length >= FrameLayout.MIN_FRAME && FrameParser.euiValue(payload, 0) != eui.value()) {
            reject(w, packetId, "frame of collar " + CollarEui.of(FrameParser.euiValue(payload, 0)) + " on topic "
                    + topic + " dropped (unknown_collar: the frame's EUI must be the topic's)");
            return;
        }
        hand(new Arrival.Frame(id(), InboundFrame.of(payload, clock.instant()), () -> w.ack(packetId)));
    }

    /** Into the ingest, waiting while it is full (then nothing is acknowledged and the broker holds back). */
    private void hand(Arrival a) {
        try {
            if (ingest.put(a)) {
                counters.handOffWaits.incrementAndGet();
            }
            counters.framesIn.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: unacknowledged, the broker keeps it for next time
        }
    }

    private void reject(MqttWire w, int packetId, String why) {
        counters.rejected.incrementAndGet();
        Logger.warn("link {}: {}", id(), why);
        w.ack(packetId);
    }
}
