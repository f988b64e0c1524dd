package io.herdgate.gateway.link;

import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.serial.Deframed;
import io.herdgate.protocol.serial.Deframer;
import io.herdgate.protocol.serial.DongleRecord;
import io.herdgate.protocol.serial.DongleStatus;
import io.herdgate.protocol.serial.Enframer;
import io.herdgate.protocol.serial.RadioDownlink;
import io.herdgate.protocol.serial.RadioFrame;
import io.herdgate.protocol.serial.RadioUplink;
import io.herdgate.protocol.serial.TxDone;
import io.herdgate.protocol.serial.TxOutcome;
import io.herdgate.protocol.serial.TxTag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tinylog.Logger;

/**
 * Collar frames through the USB radio dongle on a serial port (jssc), framed as in
 * {@code spec/serial-link.md}: each received {@code RADIO_UPLINK} record becomes an uplink for the
 * {@link Ingest}; downlinks go out as {@code RADIO_DOWNLINK} records. The dongle may be unplugged and
 * plugged back at any time: the link notices (I/O error, vanished or redirected device path), reopens
 * the same path with a capped back-off, and resynchronises on the next record delimiter; no restart
 * is needed and the CPU stays idle meanwhile. When the ingest is full the reader stops reading, so the
 * bytes wait in the operating system and the dongle.
 *
 * <p>Run the gateway as a non-root user in the {@code dialout} group: jssc opens the port exclusively,
 * which root silently bypasses, so as root a second program could read the same dongle.
 */
public final class SerialLink implements Link {

    private final SerialLinkSettings settings;
    private final Ingest ingest;
    private final Clock clock;
    private final LinkCounters counters;
    private final SerialDevice device;
    private final Enframer enframer = Enframer.create();
    private final AtomicBoolean started = new AtomicBoolean();
    private TxTag nextTag = TxTag.of(0);
    private volatile boolean closed;

    private SerialLink(SerialLinkSettings settings, Ingest ingest, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counters = new LinkCounters(settings.id(), "serial", clock);
        this.device = new SerialDevice(settings.device(), settings.baud(), settings.poll(), settings.retryFirst(),
                settings.retryMax(), counters, new Reader(), "herdgate-serial-" + settings.id());
    }

    /** A link that will hand its uplinks to {@code ingest}; {@code clock} dates frames and states. */
    public static SerialLink of(SerialLinkSettings settings, Ingest ingest, Clock clock) {
        return new SerialLink(settings, ingest, clock);
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

    public SerialLinkSettings settings() {
        return settings;
    }

    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("link " + id() + " already started");
        }
        String device = settings.device().toString();
        if (device.startsWith("/dev/ttyUSB") || device.startsWith("/dev/ttyACM")) {
            Logger.warn("link {}: {} may be renumbered after a replug; use its /dev/serial/by-id/ path", id(), device);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            Logger.warn("link {}: running as root bypasses the serial port's exclusive open; run as a user in dialout",
                    id());
        }
        ingest.downlinks().register(this);
        this.device.start();
    }

    @Override
    public boolean send(CollarEui eui, byte[] frame) {
        byte[] line;
        synchronized (enframer) {
            line = enframer.enframe(RadioDownlink.of(nextTag, settings.channel(), settings.txPowerDbm(),
                    RadioFrame.of(frame)));
            nextTag = nextTag.next();
        }
        if (device.write(line)) {
            counters.framesOut.incrementAndGet();
            return true;
        }
        counters.downlinkErrors.incrementAndGet();
        Logger.warn("link {}: downlink to collar {} not written, dongle not open", id(), eui);
        return false;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        counters.closed();
        ingest.downlinks().unregister(this);
        device.close();
    }

    /** Runs on the device's reader thread. */
    private final class Reader implements SerialDevice.Handler {

        private final List<Deframed> records = new ArrayList<>();
        private Deframer deframer = Deframer.create();
        private long lastDongleUptime = -1;

        @Override
        public void opened() {
            // Bytes before the first delimiter after a (re)open belong to a record cut in half: a fresh
            // deframer drops them as one rejected record and resynchronises there.
            deframer = Deframer.create();
        }

        @Override
        public void received(byte[] chunk) throws InterruptedException {
            // Collected first, then handed over one by one, so that a full ingest blocks this thread.
            records.clear();
            deframer.feed(chunk, records::add);
            for (Deframed d : records) {
                if (d instanceof Deframed.Accepted a) {
                    record(a.record());
                } else {
                    counters.rejected.incrementAndGet();
                    Logger.debug("link {}: serial record dropped: {}", id(), d);
                }
            }
        }

        private void record(DongleRecord r) throws InterruptedException {
            if (r instanceof RadioUplink u) {
                InboundFrame f = InboundFrame.of(u.frame().toByteArray(), clock.instant(), u.rssiDbm());
                if (ingest.put(Arrival.of(id(), f))) {
                    counters.handOffWaits.incrementAndGet();
                }
                counters.framesIn.incrementAndGet();
            } else if (r instanceof DongleStatus s) {
                if (s.uptimeMs() < lastDongleUptime) {
                    Logger.info("link {}: the dongle restarted (uptime {} ms)", id(), s.uptimeMs());
                }
                lastDongleUptime = s.uptimeMs();
            } else if (r instanceof TxDone t && t.outcome() != TxOutcome.SENT) {
                counters.downlinkErrors.incrementAndGet();
                Logger.warn("link {}: the dongle did not send downlink {}: {}", id(), t.tag(), t.outcome());
            } else if (r instanceof RadioDownlink) {
                counters.rejected.incrementAndGet();
                Logger.warn("link {}: the dongle sent a downlink record; is a gateway on the other end?", id());
            }
        }
    }
}
