package io.herdgate.gateway.systemd;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** A real unix datagram socket bound where systemd's notify socket would be, receiving as systemd does. */
final class NotifySocket implements AutoCloseable {

    private final AFUNIXDatagramSocket socket;

    private NotifySocket(AFUNIXDatagramSocket socket) {
        this.socket = socket;
    }

    static NotifySocket bind(Path path) throws IOException {
        return bind(AFUNIXSocketAddress.of(path));
    }

    static NotifySocket bindAbstract(String name) throws IOException {
        return bind(AFUNIXSocketAddress.inAbstractNamespace(name));
    }

    private static NotifySocket bind(AFUNIXSocketAddress address) throws IOException {
        AFUNIXDatagramSocket socket = AFUNIXDatagramSocket.newInstance();
        socket.bind(address);
        return new NotifySocket(socket);
    }

    /** The next message, or empty when none arrives within {@code timeoutMillis}. */
    Optional<String> receive(int timeoutMillis) throws IOException {
        byte[] buffer = new byte[4096];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout(timeoutMillis);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        return Optional.of(new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
