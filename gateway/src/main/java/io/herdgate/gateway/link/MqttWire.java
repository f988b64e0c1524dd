package io.herdgate.gateway.link;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One MQTT 5.0 connection of the {@link MqttLink} to its broker, over TCP or TLS (the broker's name is
 * checked against its certificate): connects with clean start off, subscribes, hands every PUBLISH to
 * the {@link Listener} on its reader thread, and acknowledges a QoS 1 one when told ({@link #ack}).
 *
 * <p>Why not Paho here: under a full herd Paho spent as much CPU per uplink as the whole pipeline (a
 * thread hand-off, a token and a logger look-up per message, the payload copied a byte at a time, one
 * system call per acknowledgement). Here the reader decodes straight from a 64 KiB buffer, and a writer
 * thread sends whatever acknowledgements, downlinks and pings have gathered in one system call, waiting
 * {@link #LINGER_NANOS} after each so that a busy link sends its PUBACKs in batches.
 *
 * <p>Keep-alive: a PINGREQ when nothing was sent for half the keep-alive; the connection counts as lost
 * when nothing at all arrives for 1.5 keep-alives (the broker answers every ping). Once closed or lost
 * it stays so; {@link MqttLink} opens a new one. Acknowledgements for a closed connection are dropped:
 * the broker sends those messages again to the next one, where the pipeline sees duplicates.
 */
final class MqttWire implements AutoCloseable {

    /** How long the writer waits after a write for more to send with the next one. */
    static final long LINGER_NANOS = 1_000_000;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int PUBACK_BYTES = 4;

    /** What arrives on the connection; called on its reader thread. */
    interface Listener {
        /** A PUBLISH; {@code packetId} is 0 at QoS 0 (nothing to acknowledge). */
        void message(MqttWire wire, String topic, byte[] payload, int packetId);
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Listener listener;
    private final long keepAliveNanos;
    private final Thread reader;
    private final Thread writer;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final Object lock = new Object();
    private final int serverReceiveMaximum;

    // Guarded by lock: bytes waiting for the writer, and the buffer it writes from in the meantime.
    private byte[] pending = new byte[8192];
    private byte[] spare = new byte[8192];
    private int pendingLength;
    private boolean writerParked;
    private int nextPacketId = 1;
    private int publishesInFlight;

    private volatile boolean closed;
    private volatile String subscribeError;
    private volatile String endedBecause = "closed";

    private MqttWire(Socket socket, Listener listener, long keepAliveNanos, int serverReceiveMaximum, String name)
            throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        this.out = socket.getOutputStream();
        this.listener = listener;
        this.keepAliveNanos = keepAliveNanos;
        this.serverReceiveMaximum = serverReceiveMaximum;
        this.reader = new Thread(this::read, name + "-in");
        this.writer = new Thread(this::write, name + "-out");
        reader.setDaemon(true);
        writer.setDaemon(true);
    }

    /**
     * Connects, subscribes to {@code filters} at QoS 1 and returns once the broker confirmed the
     * subscriptions. Messages the broker kept for the session may reach the listener before that.
     *
     * @throws IOException      the broker cannot be reached, refused the connection or a subscription
     *                          (the message says why, never with the password)
     * @throws LinkConfigException the CA file cannot be used
     */
    static MqttWire open(MqttLinkSettings settings, List<String> filters, Listener listener, String threadName)
            throws IOException, InterruptedException {
        Socket socket = socket(settings);
        try {
            OutputStream o = socket.getOutputStream();
            int keepAliveS = (int) settings.keepAlive().toSeconds();
            o.write(MqttPackets.connect(settings.clientId(), settings.username(),
                    settings.password().map(MqttPassword::read), settings.sessionExpiry().toSeconds(), keepAliveS,
                    settings.receiveMaximum()));
            o.flush();
            socket.setSoTimeout(CONNECT_TIMEOUT_MS);
            DataInputStream connIn = new DataInputStream(socket.getInputStream());
            int first = connIn.readUnsignedByte();
            byte[] body = body(connIn);
            if (first >>> 4 != MqttPackets.CONNACK) {
                throw new IOException("broker answered CONNECT with packet type " + (first >>> 4));
            }
            int reason = MqttPackets.connackReason(body, body.length);
            if (reason != 0) {
                throw new IOException("broker refused the connection: " + MqttPackets.reasonText(reason));
            }
            long keepAliveNanos = TimeUnit.SECONDS.toNanos(keepAliveS);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, keepAliveS * 1500L));
            int serverReceiveMaximum = MqttPackets.serverReceiveMaximum(body, body.length);
            if (serverReceiveMaximum < 1) {
                throw new IOException("broker sent a CONNACK with malformed properties");
            }
            MqttWire w = new MqttWire(socket, listener, keepAliveNanos, serverReceiveMaximum, threadName);
            w.reader.start();
            w.writer.start();
            w.enqueue(MqttPackets.subscribe(w.packetId(), filters));
            if (!w.subscribed.await(30, TimeUnit.SECONDS)) {
                w.close();
                throw new IOException("broker did not confirm the subscriptions within 30 s");
            }
            if (w.subscribeError != null || w.closed) {
                w.close();
                throw new IOException(w.subscribeError != null ? w.subscribeError : w.endedBecause);
            }
            return w;
        } catch (IOException | InterruptedException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** Acknowledges the QoS 1 message {@code packetId} (does nothing for 0 or once closed). */
    void ack(int packetId) {
        if (packetId == 0) {
            return;
        }
        synchronized (lock) {
            if (closed) {
                return;
            }
            reserve(PUBACK_BYTES);
            MqttPackets.puback(packetId, pending, pendingLength);
            pendingLength += PUBACK_BYTES;
            wakeWriter();
        }
    }

    /**
     * Publishes {@code payload} to {@code topic} at QoS 1 without waiting for the broker.
     *
     * @return false if closed, or if as many publishes as the broker takes at once await its PUBACK
     */
    boolean publish(String topic, byte[] payload) {
        synchronized (lock) {
            if (closed || publishesInFlight >= serverReceiveMaximum) {
                return false;
            }
            publishesInFlight++;
            enqueueLocked(MqttPackets.publish(topic, packetId(), payload));
            return true;
        }
    }

    /**
     * Waits until the connection has ended (lost, or ended by the broker, or closed) and says why; the
     * reason never holds the password.
     */
    String awaitEnd() throws InterruptedException {
        reader.join();
        return endedBecause;
    }

    /** Disconnects politely (what is queued is sent first) and ends both threads. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
        }
        try {
            writer.join(2_000);
            synchronized (lock) {
                out.write(pending, 0, pendingLength);
                pendingLength = 0;
            }
            out.write(MqttPackets.DISCONNECT_PACKET);
            out.flush();
        } catch (IOException | InterruptedException e) {
            // Going away anyway: the broker sees the socket close.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(socket);
    }

    private void read() {
        byte[] buffer = new byte[1024];
        String why;
        try {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    why = "broker closed the connection";
                    break;
                }
                int length = remainingLength(in);
                if (length > MqttPackets.MAX_PACKET) {
                    why = "broker sent a packet of " + length + " bytes, more than the " + MqttPackets.MAX_PACKET + " allowed";
                    break;
                }
                if (buffer.length < length) {
                    buffer = new byte[Math.max(length, buffer.length * 2)];
                }
                in.readFully(buffer, 0, length);
                Optional<String> end = handle(first, buffer, length);
                if (end.isPresent()) {
                    why = end.get();
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            why = "nothing heard from the broker for 1.5 keep-alive intervals";
        } catch (IOException e) {
            why = closed ? "closed" : "connection lost: " + e.getMessage();
        }
        if (!closed) {
            endedBecause = why;
            synchronized (lock) {
                closed = true;
                lock.notifyAll();
            }
            closeQuietly(socket);
        }
        subscribed.countDown();
    }

    /** One packet from the broker; returns why the connection must end, if it must. */
    private Optional<String> handle(int first, byte[] body, int length) {
        switch (first >>> 4) {
            case MqttPackets.PUBLISH -> {
                MqttPackets.Inbound m = MqttPackets.readPublish(first & 0x0F, body, length);
                if (m instanceof MqttPackets.Inbound.Publish p) {
                    listener.message(this, p.topic(), p.payload(), p.packetId());
                    return Optional.empty();
                }
                return Optional.of("broker sent a malformed PUBLISH: " + ((MqttPackets.Inbound.Malformed) m).why());
            }
            case MqttPackets.PUBACK -> {
                synchronized (lock) {
                    publishesInFlight = Math.max(0, publishesInFlight - 1);
                }
                return Optional.empty();
            }
            case MqttPackets.SUBACK -> {
                int failure = MqttPackets.subackFailure(body, length);
                if (failure >= 0) {
                    subscribeError = "broker refused a subscription: " + MqttPackets.reasonText(failure);
                }
                subscribed.countDown();
                return Optional.empty();
            }
            case MqttPackets.PINGRESP -> {
                return Optional.empty();
            }
            case MqttPackets.DISCONNECT -> {
                return Optional.of("broker closed the connection: "
                        + MqttPackets.reasonText(MqttPackets.disconnectReason(body, length)));
            }
            default -> {
                return Optional.of("broker sent unexpected packet type " + (first >>> 4));
            }
        }
    }

    private void write() {
        long lastWrite = System.nanoTime();
        try {
            while (true) {
                byte[] chunk;
                int n;
                synchronized (lock) {
                    while (pendingLength == 0 && !closed) {
                        long idle = System.nanoTime() - lastWrite;
                        if (idle >= keepAliveNanos / 2) {
                            enqueueLocked(MqttPackets.PINGREQ_PACKET);
                            break;
                        }
                        writerParked = true;
                        TimeUnit.NANOSECONDS.timedWait(lock, keepAliveNanos / 2 - idle);
                        writerParked = false;
                    }
                    if (closed) {
                        return; // close() sends what is left
                    }
                    chunk = pending;
                    n = pendingLength;
                    pending = spare;
                    spare = chunk;
                    pendingLength = 0;
                }
                out.write(chunk, 0, n);
                out.flush();
                lastWrite = System.nanoTime();
                // Let acknowledgements gather: one write for many of them while the herd streams.
                LockSupport.parkNanos(LINGER_NANOS);
            }
        } catch (IOException e) {
            closeQuietly(socket); // the reader sees it and reports the loss
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void enqueue(byte[] packet) {
        synchronized (lock) {
            enqueueLocked(packet);
        }
    }

    private void enqueueLocked(byte[] packet) {
        reserve(packet.length);
        System.arraycopy(packet, 0, pending, pendingLength, packet.length);
        pendingLength += packet.length;
        wakeWriter();
    }

    private void reserve(int bytes) {
        if (pending.length - pendingLength < bytes) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + bytes));
        }
    }

    private void wakeWriter() {
        if (writerParked) {
            lock.notify();
        }
    }

    /** The next packet id for a SUBSCRIBE or QoS 1 PUBLISH: 1..65535, round. */
    private int packetId() {
        synchronized (lock) {
            int id = nextPacketId;
            nextPacketId = id == 65_535 ? 1 : id + 1;
            return id;
        }
    }

    private static Socket socket(MqttLinkSettings settings) throws IOException {
        String host = settings.broker().getHost();
        int port = settings.broker().getPort();
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            if (!settings.broker().getScheme().equals("ssl")) {
                return plain;
            }
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) TlsTrust.socketFactory(settings.caFile()))
                    .createSocket(plain, host, port, true);
            SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(p);
            tls.setSoTimeout(CONNECT_TIMEOUT_MS);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            closeQuietly(plain);
            throw e;
        }
    }

    private static byte[] body(DataInputStream in) throws IOException {
        int length = remainingLength(in);
        if (length > MqttPackets.MAX_PACKET) {
            throw new IOException("broker sent a packet of " + length + " bytes");
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }

    private static int remainingLength(InputStream in) throws IOException {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = in.read();
            if (d < 0) {
                throw new EOFException("connection ended inside a packet header");
            }
            v |= (d & 0x7F) << (7 * i);
            if ((d & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("broker sent a remaining length longer than 4 bytes");
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Nothing more to do with a socket that will not close.
        }
    }
}
