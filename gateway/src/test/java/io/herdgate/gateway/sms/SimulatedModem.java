package io.herdgate.gateway.sms;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A GSM modem's AT side as the far end of a pty: echo until {@code ATE0}, text mode with the UCS2
 * character set, {@code AT+CSMP}, {@code AT+CMGS} with the {@code "> "} prompt and Ctrl-Z (ESC cancels),
 * {@code AT+CMGR}, {@code AT+CMGD}, {@code AT+CNMI}; unsolicited {@code +CMTI} and {@code +CDS} on demand.
 * Failures to order: the next send answers an error line, or the modem stops answering.
 */
public final class SimulatedModem implements AutoCloseable {

    /** One message the gateway submitted, decoded. */
    public record Submitted(String number, String text, int fo, int dcs, int mr) {
    }

    private final Path device;
    private final BlockingQueue<Submitted> submitted = new LinkedBlockingQueue<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Map<Integer, String[]> stored = new TreeMap<>();
    private volatile OutputStream out;
    private volatile InputStream in;
    private volatile String nextSendError;
    private volatile boolean silent;
    private volatile boolean reportsSupported = true;
    private volatile String pin;
    private volatile int pinTries;
    private boolean echo = true;
    private boolean ucs2;
    private int fo = 17;
    private int dcs;
    private int nextMr = 1;
    private int nextIndex = 1;
    private Thread thread;

    private SimulatedModem(Path device) {
        this.device = device;
    }

    public static SimulatedModem on(Path device) {
        SimulatedModem m = new SimulatedModem(device);
        m.plugIn();
        return m;
    }

    /** Opens the device (again, after the pty was restarted) and answers on it; a power-on modem echoes. */
    synchronized void plugIn() {
        try {
            in = new FileInputStream(device.toFile());
            out = new FileOutputStream(device.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open " + device, e);
        }
        echo = true;
        ucs2 = false;
        InputStream input = in;
        thread = new Thread(() -> serve(input), "simulated-modem");
        thread.setDaemon(true);
        thread.start();
    }

    public void failNextSend(String errorLine) {
        nextSendError = errorLine;
    }

    void silence(boolean on) {
        silent = on;
    }

    /** The SIM asks for {@code pin} after each plug-in. */
    void requirePin(String pin) {
        this.pin = pin;
    }

    int pinTries() {
        return pinTries;
    }

    void withoutDeliveryReports() {
        reportsSupported = false;
    }

    /** The next message submitted, waiting up to 5 s. */
    public Optional<Submitted> nextSubmitted() throws InterruptedException {
        return Optional.ofNullable(submitted.poll(5, TimeUnit.SECONDS));
    }

    /** The messages submitted and not yet taken, without waiting. */
    public List<Submitted> takeSubmitted() {
        List<Submitted> out = new java.util.ArrayList<>();
        submitted.drainTo(out);
        return out;
    }

    int submittedWaiting() {
        return submitted.size();
    }

    List<String> commands() {
        return List.copyOf(commands);
    }

    /** Stores an incoming SMS and announces it with {@code +CMTI}. */
    synchronized void receive(String from, String text) {
        int index = nextIndex++;
        stored.put(index, new String[] {from, text});
        emit("+CMTI: \"SM\"," + index);
    }

    /** Stores an SMS without announcing it, as when it arrived while the gateway was not listening. */
    synchronized void storeQuietly(String from, String text) {
        stored.put(nextIndex++, new String[] {from, text});
    }

    synchronized boolean holds(int index) {
        return stored.containsKey(index);
    }

    /** Sends a status report for message reference {@code mr}: 0 delivered, 70 failed, 48 still trying. */
    void report(int mr, int status) {
        emit("+CDS: 6," + mr + ",\"+4915112345678\",145,\"26/11/21,13:05:00+04\",\"26/11/21,13:05:04+04\"," + status);
    }

    private void serve(InputStream input) {
        StringBuilder line = new StringBuilder();
        boolean entering = false;
        String number = "";
        try {
            int c;
            while ((c = input.read()) >= 0) {
                if (entering) {
                    if (c == 0x1a) {
                        entering = false;
                        finishSubmit(number, line.toString());
                        line.setLength(0);
                    } else if (c == 0x1b) {
                        entering = false;
                        line.setLength(0);
                        answer("OK");
                    } else {
                        line.append((char) c);
                    }
                    continue;
                }
                if (c == '\r') {
                    String cmd = line.toString().strip();
                    line.setLength(0);
                    if (cmd.isEmpty() || silent) {
                        continue;
                    }
                    commands.add(cmd);
                    if (echo) {
                        write(cmd + "\r");
                    }
                    if (cmd.startsWith("AT+CMGS=")) {
                        number = Ucs2Hex.decode(cmd.substring(9, cmd.length() - 1));
                        entering = true;
                        write("\r\n> ");
                    } else {
                        handle(cmd);
                    }
                } else if (c != '\n') {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            // The pty hung up: the modem was unplugged.
        }
    }

    private synchronized void handle(String cmd) {
        switch (cmd) {
            case "AT", "AT+CMEE=1", "AT+CMGF=1", "AT+CNMI=2,1,0,0,0" -> answer("OK");
            case "AT+CSCS=\"UCS2\"" -> {
                ucs2 = true;
                answer("OK");
            }
            case "AT+CMGL=\"ALL\"" -> {
                StringBuilder list = new StringBuilder();
                stored.forEach((i, m) -> list.append("\r\n+CMGL: ").append(i).append(",\"").append(te("REC UNREAD"))
                        .append("\",\"").append(te(m[0])).append("\",,\"26/11/21,14:05:09+04\"\r\n").append(te(m[1])));
                write(list + "\r\n");
                answer("OK");
            }
            case "ATE0" -> {
                echo = false;
                answer("OK");
            }
            case "AT+CNMI=2,1,0,1,0" -> answer(reportsSupported ? "OK" : "+CMS ERROR: 303");
            case "AT+CPIN?" -> {
                write("\r\n+CPIN: " + (pin == null ? "READY" : "SIM PIN") + "\r\n");
                answer("OK");
            }
            default -> {
                if (cmd.startsWith("AT+CPIN=\"")) {
                    pinTries++;
                    boolean right = pin != null && cmd.equals("AT+CPIN=\"" + pin + "\"");
                    if (right) {
                        pin = null;
                    }
                    answer(right ? "OK" : "+CME ERROR: 16");
                } else if (cmd.startsWith("AT+CSMP=")) {
                    String[] p = cmd.substring(8).split(",");
                    fo = Integer.parseInt(p[0]);
                    dcs = Integer.parseInt(p[3]);
                    answer("OK");
                } else if (cmd.startsWith("AT+CMGR=")) {
                    String[] m = stored.get(Integer.parseInt(cmd.substring(8)));
                    if (m == null) {
                        answer("+CMS ERROR: 321");
                    } else {
                        write("\r\n+CMGR: \"" + te("REC UNREAD") + "\",\"" + te(m[0])
                                + "\",,\"26/11/21,14:05:09+04\"\r\n" + te(m[1]) + "\r\n");
                        answer("OK");
                    }
                } else if (cmd.startsWith("AT+CMGD=")) {
                    stored.remove(Integer.parseInt(cmd.substring(8)));
                    answer("OK");
                } else {
                    answer("ERROR");
                }
            }
        }
    }

    /** Text in the character set the gateway chose: UCS2 hex, or plain before it chose. */
    private String te(String text) {
        return ucs2 ? Ucs2Hex.encode(text) : text;
    }

    private synchronized void finishSubmit(String number, String hex) {
        String error = nextSendError;
        if (error != null) {
            nextSendError = null;
            write("\r\n" + error + "\r\n");
            return;
        }
        int mr = nextMr++ % 256;
        submitted.add(new Submitted(number, Ucs2Hex.decode(hex), fo, dcs, mr));
        write("\r\n+CMGS: " + mr + "\r\n");
        answer("OK");
    }

    private void answer(String result) {
        write("\r\n" + result + "\r\n");
    }

    private void emit(String unsolicited) {
        write("\r\n" + unsolicited + "\r\n");
    }

    private synchronized void write(String s) {
        try {
            out.write(s.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            // Unplugged; the gateway sees its own side go away.
        }
    }

    /** Waits until the reader thread ends (after the pty was killed). */
    void awaitUnplugged(Duration max) throws InterruptedException {
        thread.join(max.toMillis());
    }

    @Override
    public void close() {
        try {
            in.close();
            out.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
