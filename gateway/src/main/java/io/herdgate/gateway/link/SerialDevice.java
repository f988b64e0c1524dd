package io.herdgate.gateway.link;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.tinylog.Logger;

/**
 * One serial device kept open by a reader thread: opens it, polls it for bytes, notices when it is
 * unplugged, and reopens it with a capped back-off, for as long as it is not closed.
 *
 * <p>Reads never block inside jssc: after an unplug a blocking jssc read spins at 100 % CPU and never
 * returns. Instead the thread asks how many bytes are waiting, reads exactly those, and sleeps
 * {@code poll} when there are none. An unplug shows as an I/O error on that question, or as the device
 * path vanishing or leading elsewhere (a {@code /dev/serial/by-id} link now pointing at another tty);
 * then the port is closed and reopened by path, and the handler starts a fresh deframer. While the device
 * is missing the thread only sleeps between attempts.
 */
final class SerialDevice implements AutoCloseable {

    /** What the reader thread reports; called on that thread only. */
    interface Handler {
        /** The device was (re)opened; the stream starts afresh. */
        void opened();

        /** Bytes read, in order; may block (back-pressure): the thread then reads nothing more. */
        void received(byte[] chunk) throws InterruptedException;
    }

    private final Path device;
    private final int baud;
    private final Duration poll;
    private final Backoff backoff;
    private final LinkCounters counters;
    private final Handler handler;
    private final Thread reader;
    private final Object writeLock = new Object();
    private volatile SerialPort port;
    private volatile boolean closed;

    SerialDevice(Path device, int baud, Duration poll, Duration retryFirst, Duration retryMax, LinkCounters counters,
                 Handler handler, String threadName) {
        this.device = device;
        this.baud = baud;
        this.poll = poll;
        this.backoff = new Backoff(retryFirst, retryMax);
        this.counters = counters;
        this.handler = handler;
        this.reader = new Thread(this::run, threadName);
        reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    /** Writes all of {@code bytes}; false when the device is not open or the write fails (then it reopens). */
    boolean write(byte[] bytes) {
        synchronized (writeLock) {
            SerialPort p = port;
            if (p == null) {
                return false;
            }
            try {
                if (p.writeBytes(bytes)) {
                    return true;
                }
                counters.down("write to " + device + " failed");
            } catch (SerialPortException e) {
                counters.down("write to " + device + " failed: " + e.getExceptionType());
            }
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closePort();
    }

    private void run() {
        while (!closed) {
            Path opened = open();
            if (opened == null) {
                if (!sleep(backoff.next())) {
                    return;
                }
                continue;
            }
            backoff.reset();
            handler.opened();
            counters.up();
            String lost = pump(opened);
            closePort();
            if (lost != null) {
                counters.down(lost);
            }
        }
    }

    /** Opens the device; returns the path it resolved to, or null (state set to down) if it cannot. */
    private Path open() {
        Path real;
        try {
            real = device.toRealPath();
        } catch (IOException e) {
            counters.down("device " + device + " not present (unplugged?)");
            return null;
        }
        SerialPort p = new SerialPort(device.toString());
        try {
            if (!p.openPort()) {
                counters.down("cannot open " + device);
                return null;
            }
            // A pseudo-terminal refuses line settings; a real dongle takes them. Either way bytes flow.
            if (!p.setParams(baud, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE)) {
                Logger.debug("serial {}: line settings not applied (not a real UART?)", device);
            }
        } catch (SerialPortException e) {
            String type = String.valueOf(e.getExceptionType());
            counters.down("cannot open " + device + ": " + type
                    + (type.toLowerCase(Locale.ROOT).contains("permission")
                    ? " (is the gateway's user in the dialout group?)" : ""));
            closeQuietly(p);
            return null;
        }
        synchronized (writeLock) {
            port = p;
        }
        return real;
    }

    /** Reads until the device goes away or the link closes; returns why it stopped, or null when closed. */
    private String pump(Path opened) {
        SerialPort p = port;
        while (!closed) {
            String gone = vanished(opened);
            if (gone != null) {
                return gone;
            }
            int n;
            try {
                n = p.getInputBufferBytesCount();
                if (n < 0) {
                    return "read from " + device + " failed (unplugged?)";
                }
                if (n == 0) {
                    if (!sleep(poll)) {
                        return null;
                    }
                    continue;
                }
                byte[] chunk = p.readBytes(n);
                if (chunk == null || chunk.length == 0) {
                    continue;
                }
                counters.bytesIn.addAndGet(chunk.length);
                handler.received(chunk);
            } catch (SerialPortException e) {
                return "read from " + device + " failed: " + e.getExceptionType() + " (unplugged?)";
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    private String vanished(Path opened) {
        try {
            Path now = device.toRealPath();
            return now.equals(opened) ? null : "device " + device + " now leads to " + now + ", was " + opened;
        } catch (IOException e) {
            return "device " + device + " vanished (unplugged)";
        }
    }

    private void closePort() {
        SerialPort p;
        synchronized (writeLock) {
            p = port;
            port = null;
        }
        if (p != null) {
            closeQuietly(p);
        }
    }

    private static void closeQuietly(SerialPort p) {
        try {
            if (p.isOpened()) {
                p.closePort();
            }
        } catch (SerialPortException e) {
            // The device is gone already; nothing left to release but the descriptor jssc drops anyway.
        }
    }

    /** Sleeps; false if interrupted (closing). */
    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
