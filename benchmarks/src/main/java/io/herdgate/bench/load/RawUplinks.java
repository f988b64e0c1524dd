package io.herdgate.bench.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * One MQTT 3.1.1 connection that publishes uplinks QoS 1 and nothing else, written straight onto the
 * socket: a PUBLISH is a header and two copies, many go out per system call, and a reader thread takes
 * the broker's PUBACKs to free the in-flight window. This is what a LoRa bridge's publisher costs, not
 * what a general-purpose client library costs, so the publishing side of the harness does not take the
 * CPU the gateway needs on a small machine. The broker delivers to the gateway's MQTT 5 subscription as
 * usual. Not thread-safe for publishing: one publisher thread owns it.
 */
final class RawUplinks implements AutoCloseable {

    private static final int FLUSH_EVERY = 64;

    private final Socket socket;
    private final OutputStream out;
    private final Semaphore window;
    private final int inFlight;
    private final Thread reader;
    private volatile IOException failure;
    private int nextId = 1;
    private int unflushed;

    private RawUplinks(Socket socket, int inFlight) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.inFlight = inFlight;
        this.window = new Semaphore(inFlight);
        this.reader = new Thread(this::readAcks, "load-acks");
        reader.setDaemon(true);
    }

    /** {@code n} connections, client ids {@code <prefix>-<i>-<pid>}, each with a window of {@link Publishers#IN_FLIGHT}. */
    static List<RawUplinks> connectAll(String brokerUri, String prefix, int n) throws IOException {
        List<RawUplinks> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(connect(brokerUri, prefix + "-" + i + "-" + ProcessHandle.current().pid(), Publishers.IN_FLIGHT));
        }
        return all;
    }

    /** Connects to {@code tcp://host:port} as {@code clientId} (clean session, no keep-alive). */
    static RawUplinks connect(String brokerUri, String clientId, int inFlight) throws IOException {
        URI uri = URI.create(brokerUri);
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
        RawUplinks u = new RawUplinks(s, inFlight);
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] variable = {0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 0}; // level 4, clean session, keep-alive off
        u.out.write(0x10);
        writeLength(u.out, variable.length + 2 + id.length);
        u.out.write(variable);
        u.out.write(id.length >> 8);
        u.out.write(id.length & 0xFF);
        u.out.write(id);
        u.out.flush();
        DataInputStream in = new DataInputStream(s.getInputStream());
        int type = in.readUnsignedByte();
        int len = in.readUnsignedByte();
        byte[] ack = new byte[len];
        in.readFully(ack);
        if (type != 0x20 || len != 2 || ack[1] != 0) {
            s.close();
            throw new IOException("broker refused the connection: CONNACK type " + type + ", return code "
                    + (len == 2 ? ack[1] : -1));
        }
        u.reader.start();
        return u;
    }

    /** Publishes {@code payload} QoS 1 on {@code topic} (ASCII), waiting while the in-flight window is full. */
    void publish(byte[] topic, byte[] payload) throws IOException, InterruptedException {
        if (!window.tryAcquire()) {
            out.flush(); // what waits in the buffer is what would free the window
            unflushed = 0;
            window.acquire();
        }
        if (failure != null) {
            throw failure;
        }
        int id = nextId;
        nextId = nextId == 0xFFFF ? 1 : nextId + 1; // ids come back long before they wrap: window < 65535
        out.write(0x32); // PUBLISH, QoS 1
        writeLength(out, 2 + topic.length + 2 + payload.length);
        out.write(topic.length >> 8);
        out.write(topic.length & 0xFF);
        out.write(topic);
        out.write(id >> 8);
        out.write(id & 0xFF);
        out.write(payload);
        if (++unflushed >= FLUSH_EVERY) {
            flush();
        }
    }

    /** Sends what is buffered. */
    void flush() throws IOException {
        out.flush();
        unflushed = 0;
    }

    /** Flushes and waits until the broker has acknowledged every publish so far. */
    void drain() throws IOException, InterruptedException {
        flush();
        window.acquire(inFlight);
        window.release(inFlight);
        if (failure != null) {
            throw failure;
        }
    }

    private void readAcks() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 16 * 1024))) {
            while (true) {
                int type = in.readUnsignedByte();
                int len = readLength(in);
                in.skipNBytes(len);
                if (type == 0x40) {
                    window.release();
                }
            }
        } catch (EOFException | java.net.SocketException closed) {
            // connection closed
        } catch (IOException e) {
            failure = e;
        } finally {
            window.release(inFlight); // no publisher waits for ever on a dead connection
        }
    }

    private static void writeLength(OutputStream out, int length) throws IOException {
        do {
            int b = length & 0x7F;
            length >>>= 7;
            out.write(length > 0 ? b | 0x80 : b);
        } while (length > 0);
    }

    private static int readLength(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed remaining length from the broker");
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
            out.write(0xE0); // DISCONNECT
            out.write(0);
            out.flush();
        } finally {
            socket.close();
        }
    }
}
