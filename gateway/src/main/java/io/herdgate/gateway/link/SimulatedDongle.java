package io.herdgate.gateway.link;

import io.herdgate.protocol.serial.Deframed;
import io.herdgate.protocol.serial.Deframer;
import io.herdgate.protocol.serial.DongleStatus;
import io.herdgate.protocol.serial.Enframer;
import io.herdgate.protocol.serial.RadioDownlink;
import io.herdgate.protocol.serial.RadioFrame;
import io.herdgate.protocol.serial.RadioUplink;
import io.herdgate.protocol.serial.TxDone;
import io.herdgate.protocol.serial.TxOutcome;
import io.herdgate.sim.collar.Transport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * The radio end of a serial link, played by software: a simulated herd's collars transmit through it
 * ({@link Transport}) and it writes {@code RADIO_UPLINK} records to a serial device, as the USB dongle
 * does; {@code RADIO_DOWNLINK} records read back go to the herd and are answered with {@code TX_DONE}.
 * A {@code DONGLE_STATUS} heartbeat goes out every 5 s.
 *
 * <p>While the device is unplugged, frames wait here in order, up to {@code bufferFrames}, as collars
 * buffer during radio loss (PROTOCOL.md section 8); beyond that the oldest are dropped and counted. They
 * go out with their original counters at the next {@link #send} or {@link #flush} once the device is
 * back; call {@link #flush} regularly. Used by {@code herdgate simulate --serial}.
 */
public final class SimulatedDongle implements Transport, AutoCloseable {

    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private final int bufferFrames;
    private final Consumer<byte[]> downlinks;
    private final LinkCounters counters;
    private final SerialDevice device;
    private final Enframer enframer = Enframer.create();
    private final long bootNanos = System.nanoTime();
    private long lastHeartbeat = Long.MIN_VALUE;
    private long dropped;
    private long heard;

    private SimulatedDongle(Path device, int bufferFrames, Consumer<byte[]> downlinks, Clock clock) {
        if (bufferFrames < 1) {
            throw new IllegalArgumentException("bufferFrames must be at least 1, got " + bufferFrames);
        }
        this.bufferFrames = bufferFrames;
        this.downlinks = Objects.requireNonNull(downlinks, "downlinks");
        this.counters = new LinkCounters(LinkId.of("radio"), "serial", clock);
        this.device = new SerialDevice(device, 115_200, Duration.ofMillis(20), Duration.ofMillis(200),
                Duration.ofSeconds(2), counters, new Reader(), "herdgate-sim-dongle");
    }

    /**
     * Starts playing the dongle on {@code device}; downlink frames go to {@code downlinks} (e.g.
     * {@code SimulatedHerd::receive}).
     */
    public static SimulatedDongle start(Path device, int bufferFrames, Consumer<byte[]> downlinks, Clock clock) {
        SimulatedDongle d = new SimulatedDongle(device, bufferFrames, downlinks, clock);
        d.device.start();
        return d;
    }

    /** Takes one uplink frame from a collar and writes it, or keeps it while the device is unplugged. */
    @Override
    public synchronized void send(byte[] frame) {
        heard++;
        if (pending.size() == bufferFrames) {
            pending.removeFirst();
            dropped++;
        }
        pending.addLast(frame);
        flush();
    }

    /** Writes what waits, oldest first, and the heartbeat when due; stops at the first failed write. */
    public synchronized void flush() {
        long now = System.nanoTime();
        if (lastHeartbeat == Long.MIN_VALUE || now - lastHeartbeat >= HEARTBEAT.toNanos()) {
            if (device.write(enframer.enframe(DongleStatus.of(uptimeMs(), heard, dropped)))) {
                lastHeartbeat = now;
            }
        }
        while (!pending.isEmpty()) {
            byte[] line = enframer.enframe(RadioUplink.of(0, -60, 28, uptimeMs(), RadioFrame.of(pending.peekFirst())));
            if (!device.write(line)) {
                return;
            }
            pending.removeFirst();
            counters.framesOut.incrementAndGet();
        }
    }

    /** Frames waiting for the device to come back. */
    public synchronized int waiting() {
        return pending.size();
    }

    /** Frames dropped because more than {@code bufferFrames} waited. */
    public synchronized long dropped() {
        return dropped;
    }

    public LinkState state() {
        return counters.state();
    }

    @Override
    public void close() {
        device.close();
        counters.closed();
    }

    private long uptimeMs() {
        return ((System.nanoTime() - bootNanos) / 1_000_000) & 0xFFFF_FFFFL;
    }

    private final class Reader implements SerialDevice.Handler {
        private Deframer deframer = Deframer.create();

        @Override
        public void opened() {
            deframer = Deframer.create();
        }

        @Override
        public void received(byte[] chunk) {
            deframer.feed(chunk, d -> {
                if (d instanceof Deframed.Accepted a && a.record() instanceof RadioDownlink down) {
                    downlinks.accept(down.frame().toByteArray());
                    device.write(enframer(TxDone.of(down.tag(), TxOutcome.SENT, uptimeMs())));
                } else if (!(d instanceof Deframed.Accepted)) {
                    Logger.debug("simulated dongle: record dropped: {}", d);
                }
            });
        }

        private byte[] enframer(TxDone t) {
            synchronized (SimulatedDongle.this) {
                return enframer.enframe(t);
            }
        }
    }
}
