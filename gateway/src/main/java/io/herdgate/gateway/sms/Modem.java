package io.herdgate.gateway.sms;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.tinylog.Logger;

/**
 * One GSM modem on a serial port, spoken to in AT commands (3GPP TS 27.005 / 27.007). A reader thread
 * splits what the modem sends into lines: unsolicited result codes go to the given consumer (on the
 * reader thread: it must not block or issue commands), everything else answers the one command in
 * flight. Commands are serialised. A vanished device file, a failing read or write closes the port;
 * the owner reopens it with {@link #open()}.
 */
final class Modem implements AutoCloseable {

    private static final byte CTRL_Z = 0x1a;
    /** Queue marker for the {@code "> "} prompt of {@code AT+CMGS}, which ends without a line break. */
    private static final String PROMPT = "\u0000prompt";
    private static final String DOWN = "\u0000down";
    private static final long POLL_MS = 10;
    private static final long PRESENCE_CHECK_MS = 500;

    private final String portName;
    private final int baud;
    private final Consumer<Unsolicited> unsolicited;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Object io = new Object();
    private volatile SerialPort port;
    private volatile String downReason = "not opened yet";

    Modem(String portName, int baud, Consumer<Unsolicited> unsolicited) {
        this.portName = portName;
        this.baud = baud;
        this.unsolicited = unsolicited;
    }

    boolean isOpen() {
        return port != null;
    }

    /**
     * Opens the port (115200 8N1 or the configured rate) and starts the reader.
     *
     * @return empty when open, else why it could not be opened
     */
    synchronized Optional<String> open() {
        if (port != null) {
            return Optional.empty();
        }
        SerialPort p = new SerialPort(portName);
        try {
            p.openPort();
            p.setParams(baud, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE);
            p.purgePort(SerialPort.PURGE_RXCLEAR | SerialPort.PURGE_TXCLEAR);
        } catch (SerialPortException e) {
            closeQuietly(p);
            downReason = "cannot open " + portName + ": " + e.getExceptionType();
            return Optional.of(downReason);
        }
        answers.clear();
        port = p;
        Thread reader = new Thread(() -> read(p), "sms-modem-reader");
        reader.setDaemon(true);
        reader.start();
        Logger.info("GSM modem port {} open", portName);
        return Optional.empty();
    }

    /** Sends {@code command} (without CR) and waits up to {@code timeout} for its final result. */
    AtResult command(String command, Duration timeout) {
        synchronized (io) {
            answers.clear();
            if (!write(command + "\r")) {
                return new AtResult.PortDown(downReason);
            }
            return finalResult(command, timeout, List.of());
        }
    }

    /**
     * Sends {@code command} (e.g. {@code AT+CMGS="..."}), waits for the {@code "> "} prompt, then writes
     * {@code body} and Ctrl-Z, and waits for the final result; {@code timeout} covers the whole exchange.
     */
    AtResult submit(String command, String body, Duration timeout) {
        synchronized (io) {
            answers.clear();
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!write(command + "\r")) {
                return new AtResult.PortDown(downReason);
            }
            List<String> before = new ArrayList<>();
            while (true) {
                String line = poll(deadline);
                if (line == null) {
                    // Ctrl-Z would send whatever half-typed text the modem holds; ESC cancels the entry.
                    write("\u001b");
                    return new AtResult.TimedOut(command, timeout);
                }
                if (line.equals(DOWN)) {
                    return new AtResult.PortDown(downReason);
                }
                if (line.equals(PROMPT)) {
                    break;
                }
                Optional<AtResult> done = finalLine(line, before);
                if (done.isPresent()) {
                    return done.get();
                }
                before.add(line);
            }
            if (!write(body + (char) CTRL_Z)) {
                return new AtResult.PortDown(downReason);
            }
            return finalResult(command, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), List.of());
        }
    }

    private AtResult finalResult(String command, Duration timeout, List<String> earlier) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = new ArrayList<>(earlier);
        while (true) {
            String line = poll(deadline);
            if (line == null) {
                return new AtResult.TimedOut(command, timeout);
            }
            if (line.equals(DOWN)) {
                return new AtResult.PortDown(downReason);
            }
            if (line.equals(PROMPT) || line.equals(command)) {
                continue; // a stray prompt, or the echo before ATE0 took effect
            }
            Optional<AtResult> done = finalLine(line, lines);
            if (done.isPresent()) {
                return done.get();
            }
            lines.add(line);
        }
    }

    private static Optional<AtResult> finalLine(String line, List<String> lines) {
        if (line.equals("OK")) {
            return Optional.of(new AtResult.Ok(lines));
        }
        if (line.equals("ERROR")) {
            return Optional.of(new AtResult.Error("ERROR", -1, line));
        }
        for (String kind : new String[] {"CMS", "CME"}) {
            String prefix = "+" + kind + " ERROR:";
            if (line.startsWith(prefix)) {
                String v = line.substring(prefix.length()).strip();
                int code = v.chars().allMatch(Character::isDigit) && !v.isEmpty() && v.length() < 6 ? Integer.parseInt(v) : -1;
                return Optional.of(new AtResult.Error(kind, code, line));
            }
        }
        return Optional.empty();
    }

    private String poll(long deadline) {
        try {
            long left = deadline - System.nanoTime();
            return left <= 0 ? answers.poll() : answers.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private boolean write(String text) {
        SerialPort p = port;
        if (p == null) {
            return false;
        }
        try {
            p.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            return true;
        } catch (SerialPortException e) {
            lost(p, "write failed: " + e.getExceptionType());
            return false;
        }
    }

    private void read(SerialPort p) {
        StringBuilder line = new StringBuilder();
        Path device = Path.of(portName);
        long nextCheck = 0;
        while (port == p) {
            try {
                int n = p.getInputBufferBytesCount();
                if (n < 0) {
                    lost(p, "read failed");
                    return;
                }
                if (n == 0) {
                    long now = System.currentTimeMillis();
                    if (now >= nextCheck) {
                        // A USB modem or a pty that goes away leaves its open file readable but silent.
                        if (!Files.exists(device)) {
                            lost(p, portName + " has gone (unplugged?)");
                            return;
                        }
                        nextCheck = now + PRESENCE_CHECK_MS;
                    }
                    Thread.sleep(POLL_MS);
                    continue;
                }
                for (byte b : p.readBytes(n)) {
                    accept((char) (b & 0xff), line);
                }
            } catch (SerialPortException e) {
                lost(p, "read failed: " + e.getExceptionType());
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void accept(char c, StringBuilder line) {
        if (c == '\n') {
            String l = line.toString().strip();
            line.setLength(0);
            if (l.isEmpty()) {
                return;
            }
            if (Unsolicited.isUnsolicited(l)) {
                Unsolicited.parse(l).ifPresentOrElse(unsolicited,
                        () -> Logger.warn("GSM modem: malformed unsolicited result '{}'", l));
            } else {
                answers.add(l);
            }
        } else if (c != '\r') {
            line.append(c);
            if (line.length() == 2 && line.charAt(0) == '>' && line.charAt(1) == ' ') {
                line.setLength(0);
                answers.add(PROMPT);
            } else if (line.length() > 4096) {
                line.setLength(0); // line noise; a real answer is far shorter
            }
        }
    }

    private void lost(SerialPort p, String reason) {
        synchronized (this) {
            if (port != p) {
                return;
            }
            port = null;
            downReason = reason;
        }
        Logger.warn("GSM modem port {} closed: {}", portName, reason);
        closeQuietly(p);
        answers.add(DOWN);
    }

    private static void closeQuietly(SerialPort p) {
        try {
            if (p.isOpened()) {
                p.closePort();
            }
        } catch (SerialPortException e) {
            // Closing a port that has gone fails; nothing is left to release.
        }
    }

    @Override
    public void close() {
        reset("closed");
    }

    /** Closes the port (e.g. after a command went unanswered), so that the next {@link #open()} starts afresh. */
    void reset(String reason) {
        SerialPort p = port;
        if (p != null) {
            lost(p, reason);
        }
    }
}
