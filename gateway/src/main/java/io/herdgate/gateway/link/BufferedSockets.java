package io.herdgate.gateway.link;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose input is buffered. Paho reads each MQTT fixed header a byte at a time from the
 * socket's own stream, which costs a system call per byte (two or three per uplink); through a buffer a
 * burst of uplinks is read with one call per 8 KiB. Output needs nothing: Paho buffers it itself. TLS
 * sockets buffer in their record layer and do not come here. Give it to
 * {@code MqttConnectionOptions.setSocketFactory} for a {@code tcp://} broker.
 */
public final class BufferedSockets extends SocketFactory {

    static final int BUFFER_BYTES = 8192;

    private BufferedSockets() {
    }

    public static BufferedSockets create() {
        return new BufferedSockets();
    }

    @Override
    public Socket createSocket() {
        return new BufferedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = new BufferedSocket();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket s = new BufferedSocket();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }

    private static Socket connected(InetSocketAddress to) throws IOException {
        Socket s = new BufferedSocket();
        s.connect(to);
        return s;
    }

    /** A socket that hands out one buffered stream over its input, however often it is asked. */
    private static final class BufferedSocket extends Socket {
        private InputStream in;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), BUFFER_BYTES);
            }
            return in;
        }
    }
}
