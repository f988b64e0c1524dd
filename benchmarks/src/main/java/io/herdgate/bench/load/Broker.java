package io.herdgate.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real mosquitto on a free loopback port, for the harness's lifetime. */
final class Broker implements AutoCloseable {

    private final Process process;
    private final int port;

    private Broker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Broker start(Path dir) throws IOException, InterruptedException {
        int port = freePort();
        Path conf = dir.resolve("mosquitto.conf");
        // One listener on loopback; queues large enough that a burst of QoS 1 uplinks is never dropped.
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "max_inflight_messages 0",
                "max_queued_messages 1000000",
                "log_type error", ""));
        Process p = new ProcessBuilder("mosquitto", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Broker b = new Broker(p, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return b;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IOException("mosquitto exited with " + p.exitValue() + "; see " + dir.resolve("mosquitto.log"));
                }
                Thread.sleep(50);
            }
        }
        b.close();
        throw new IOException("mosquitto did not accept connections on port " + port + " within 10 s");
    }

    long pid() {
        return process.pid();
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
